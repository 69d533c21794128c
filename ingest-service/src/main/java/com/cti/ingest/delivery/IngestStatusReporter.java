package com.cti.ingest.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.cti.model.IngestStatus;
import com.cti.model.Topics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Publishes this instance's spool depth and size on {@link Topics#INGEST_STATUS}
 * (compacted, keyed by instance id) every interval, from a thread of its own and without
 * waiting for Kafka: a webhook never waits for it, and while Kafka is away the reports
 * just fail (logged once) until it is back. On a clean shutdown it publishes a tombstone,
 * so that the admin service stops listing the instance.
 */
@Component
class IngestStatusReporter implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(IngestStatusReporter.class);

	private final EventSpool spool;

	private final IngestStatusProperties properties;

	private final KafkaTemplate<String, IngestStatus> kafkaTemplate;

	private final Environment environment;

	private final AtomicBoolean failing = new AtomicBoolean();

	private volatile @Nullable ScheduledExecutorService executor;

	private volatile @Nullable String instanceId;

	IngestStatusReporter(EventSpool spool, IngestStatusProperties properties,
			KafkaTemplate<String, IngestStatus> kafkaTemplate, Environment environment) {
		this.spool = spool;
		this.properties = properties;
		this.kafkaTemplate = kafkaTemplate;
		this.environment = environment;
	}

	@Override
	public void start() {
		this.instanceId = resolveInstanceId();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "cti-ingest-status");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.interval().toMillis();
		scheduler.scheduleAtFixedRate(this::report, 0, interval, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
		logger.info("Reporting the spool of ingest instance {} every {}", this.instanceId, this.properties.interval());
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		this.executor = null;
		if (scheduler == null) {
			return;
		}
		scheduler.shutdownNow();
		try {
			scheduler.awaitTermination(2, TimeUnit.SECONDS);
			this.kafkaTemplate.send(Topics.INGEST_STATUS, instanceId(), null).get(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.info("Could not withdraw the status of ingest instance {}: {} (it will show as stale)", instanceId(),
					ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/** This instance's status now. */
	IngestStatus status() {
		return new IngestStatus(instanceId(), this.spool.depth(), this.spool.size(), Instant.now(),
				this.properties.interval());
	}

	private void report() {
		try {
			this.kafkaTemplate.send(Topics.INGEST_STATUS, instanceId(), status()).whenComplete((result, ex) -> {
				if (ex == null) {
					if (this.failing.compareAndSet(true, false)) {
						logger.info("Ingest status reports reach Kafka again");
					}
				}
				else {
					failed(ex);
				}
			});
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	private void failed(Throwable ex) {
		if (this.failing.compareAndSet(false, true)) {
			logger.warn("Could not report the ingest status to Kafka (tried again every {}): {}",
					this.properties.interval(), ex.toString());
		}
	}

	private String instanceId() {
		String id = this.instanceId;
		return (id != null) ? id : resolveInstanceId();
	}

	private String resolveInstanceId() {
		if (StringUtils.hasText(this.properties.instanceId())) {
			return this.properties.instanceId().strip();
		}
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		return hostName() + ":" + port;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			String host = System.getenv("HOSTNAME");
			return StringUtils.hasText(host) ? host : "ingest";
		}
	}

}
