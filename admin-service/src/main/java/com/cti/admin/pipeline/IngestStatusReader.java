package com.cti.admin.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import com.cti.admin.pipeline.PipelineStatus.IngestInstance;
import com.cti.admin.pipeline.PipelineStatus.IngestInstances;
import com.cti.model.IngestStatus;
import com.cti.model.Topics;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * The ingest instances' latest reports, as {@link IngestStatusListener} has read them
 * from the compacted {@link Topics#INGEST_STATUS} topic once it has caught up with the
 * topic's end as of the request: every admin instance sees the same, and a report written
 * before the request is in the answer. A report older than three of its intervals is
 * stale (the instance stopped reporting: crashed, or cut off from Kafka).
 */
@Component
class IngestStatusReader {

	private static final int STALE_AFTER_INTERVALS = 3;

	private final IngestStatusListener listener;

	private final PipelineKafka kafka;

	private final PipelineProperties properties;

	private final Clock clock;

	IngestStatusReader(IngestStatusListener listener, PipelineKafka kafka, PipelineProperties properties, Clock clock) {
		this.listener = listener;
		this.kafka = kafka;
		this.properties = properties;
		this.clock = clock;
	}

	IngestInstances read() {
		Duration timeout = this.properties.kafkaTimeout();
		try {
			Map<TopicPartition, Long> ends = this.kafka.offsets(this.kafka.partitions(Topics.INGEST_STATUS),
					OffsetSpec.latest());
			Collection<IngestStatus> reports = this.listener.readUpTo(ends, timeout);
			if (reports == null) {
				return IngestInstances.unavailable(
						"Kafka did not hand over " + Topics.INGEST_STATUS + " within " + timeout.toMillis() + " ms");
			}
			return instances(reports, this.clock.instant());
		}
		catch (ExecutionException ex) {
			return IngestInstances.unavailable(String.valueOf(ex.getCause()));
		}
		catch (TimeoutException ex) {
			return IngestInstances.unavailable("Kafka did not answer within " + timeout.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return IngestInstances.unavailable("interrupted");
		}
		catch (RuntimeException ex) {
			return IngestInstances.unavailable(ex.toString());
		}
	}

	static IngestInstances instances(Iterable<IngestStatus> reports, Instant now) {
		List<IngestInstance> instances = new ArrayList<>();
		for (IngestStatus report : reports) {
			Instant staleAt = report.reportedAt().plus(report.interval().multipliedBy(STALE_AFTER_INTERVALS));
			instances.add(new IngestInstance(report.instanceId(), report.spoolDepth(), report.spoolBytes(),
					report.reportedAt(), staleAt.isBefore(now)));
		}
		instances.sort(Comparator.comparing(IngestInstance::instanceId));
		return new IngestInstances(true, null, instances,
				instances.stream().mapToLong(IngestInstance::spoolDepth).sum());
	}

}
