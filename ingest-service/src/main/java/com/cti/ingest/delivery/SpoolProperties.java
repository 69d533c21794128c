package com.cti.ingest.delivery;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the local spool that keeps accepted events while Kafka cannot take them.
 *
 * @param directory where the spool's files live ({@code INGEST_SPOOL_DIR}); one ingest
 * instance per directory
 * @param maxSize the most disk the spool may use: when it is full and Kafka is down,
 * webhooks are answered 503
 * @param segmentSize the size of one spool file; forwarded files are deleted whole
 */
@Validated
@ConfigurationProperties("cti.ingest.spool")
public record SpoolProperties(@DefaultValue("./data/spool") Path directory, @DefaultValue("1GB") DataSize maxSize,
		@DefaultValue("16MB") DataSize segmentSize) {

}
