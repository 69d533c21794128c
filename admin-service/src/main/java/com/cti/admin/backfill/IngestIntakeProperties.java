package com.cti.admin.backfill;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the backfill hands its calls: the ingest service's internal intake.
 *
 * @param url the ingest service's base URL ({@code CTI_INGEST_URL}, default
 * {@code http://localhost:8081}, ingest's own default port); a bare {@code host:port} (as
 * Render's {@code fromService hostport} gives it) means plain HTTP
 * @param connectTimeout how long connecting to ingest may take
 * @param readTimeout how long ingest may take to answer one batch: it answers once every
 * call is durable, which takes up to its Kafka wait (3 s) before the spool takes over
 * @param batchSize the most calls one request carries (ingest takes up to 500)
 */
@Validated
@ConfigurationProperties("cti.admin.ingest")
public record IngestIntakeProperties(@DefaultValue("http://localhost:8081") @NotBlank String url,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue("100") @Positive int batchSize) {

	/** The base URL, {@code http://} added to a bare {@code host:port}. */
	String baseUrl() {
		String base = this.url.strip();
		return base.contains("://") ? base : "http://" + base;
	}

}
