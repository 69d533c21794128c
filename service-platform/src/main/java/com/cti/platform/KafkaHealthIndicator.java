package com.cti.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports Kafka up when the cluster answers a describe-cluster request within the
 * timeout. A service that does not need Kafka to do its work (the ingest service spools
 * while Kafka is away) reports it {@code UNREACHABLE} instead of down, a status that is
 * shown but does not make the service unhealthy.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	static final Status UNREACHABLE = new Status("UNREACHABLE",
			"Kafka is unreachable; this service works on without it");

	private final KafkaAdmin kafkaAdmin;

	private final boolean required;

	private volatile AdminClient adminClient;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin, boolean required) {
		super("Kafka health check failed");
		this.kafkaAdmin = kafkaAdmin;
		this.required = required;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		try {
			check(builder);
		}
		catch (Exception ex) {
			if (this.required) {
				throw ex;
			}
			builder.status(UNREACHABLE).withException(ex);
		}
	}

	private void check(Health.Builder builder) throws Exception {
		var cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
		String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
	}

	private AdminClient client() {
		if (this.adminClient == null) {
			synchronized (this) {
				if (this.adminClient == null) {
					this.adminClient = AdminClient.create(this.kafkaAdmin.getConfigurationProperties());
				}
			}
		}
		return this.adminClient;
	}

	@Override
	public void destroy() {
		if (this.adminClient != null) {
			this.adminClient.close(Duration.ofSeconds(2));
		}
	}

}
