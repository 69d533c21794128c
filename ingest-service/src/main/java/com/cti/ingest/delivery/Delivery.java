package com.cti.ingest.delivery;

/**
 * Where an accepted event was made durable.
 */
public enum Delivery {

	/** Acknowledged by Kafka ({@code acks=all}). */
	KAFKA,

	/** Written and fsync'd to the local spool; forwarded to Kafka later, in order. */
	SPOOL

}
