/**
 * Making accepted events durable: Kafka with {@code acks=all} when it answers in time,
 * else a local append-only spool, fsync'd before the answer and forwarded to Kafka in
 * order once Kafka is back.
 */
@NullMarked
package com.cti.ingest.delivery;

import org.jspecify.annotations.NullMarked;
