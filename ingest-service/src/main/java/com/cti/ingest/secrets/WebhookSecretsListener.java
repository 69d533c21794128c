package com.cti.ingest.secrets;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.model.Topics;
import com.cti.model.WebhookSecretsUpdated;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the compacted secrets topic into the {@link WebhookSecretsRegistry}: from the
 * beginning at every start (assigned partitions, no consumer group, no committed
 * offsets), then follows it. It runs on a thread of its own, so the service starts and
 * accepts webhooks whether the topic is empty or Kafka is unreachable; until the topic
 * has been read to its end the registry says it is not loaded.
 */
@Component
class WebhookSecretsListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSecretsListener.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final WebhookSecretsRegistry registry;

	private final Map<String, Object> consumerConfig;

	private volatile boolean running;

	private volatile @Nullable Consumer<String, String> consumer;

	private @Nullable Thread thread;

	WebhookSecretsListener(WebhookSecretsRegistry registry, KafkaProperties kafkaProperties) {
		this.registry = registry;
		this.consumerConfig = consumerConfig(kafkaProperties);
	}

	private static Map<String, Object> consumerConfig(KafkaProperties kafkaProperties) {
		Map<String, Object> config = kafkaProperties.buildConsumerProperties();
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "cti-ingest-webhook-secrets-" + UUID.randomUUID());
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		return config;
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::run, "cti-ingest-webhook-secrets");
		thread.setDaemon(true);
		this.thread = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<String, String> consumer = this.consumer;
		if (consumer != null) {
			consumer.wakeup();
		}
		Thread thread = this.thread;
		if (thread != null) {
			try {
				thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running) {
			try (var consumer = new KafkaConsumer<>(this.consumerConfig, new StringDeserializer(),
					new StringDeserializer())) {
				this.consumer = consumer;
				follow(consumer);
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RuntimeException ex) {
				// Kafka's messages name brokers and topics, never record contents
				logger.warn("Reading {} failed, retrying: {}", Topics.WEBHOOK_SECRETS, ex.toString());
				pause();
			}
			finally {
				this.consumer = null;
			}
		}
	}

	private void follow(Consumer<String, String> consumer) {
		List<TopicPartition> partitions = partitions(consumer);
		if (partitions.isEmpty()) {
			// Kafka answered that the topic does not exist (yet): nobody has a secret of
			// their own
			markLoaded(0);
			pause();
			return;
		}
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
		int applied = 0;
		while (this.running) {
			for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
				apply(record);
				applied++;
			}
			if (!this.registry.isLoaded() && caughtUp(consumer, end)) {
				markLoaded(applied);
			}
		}
	}

	private List<TopicPartition> partitions(Consumer<String, String> consumer) {
		return consumer.partitionsFor(Topics.WEBHOOK_SECRETS)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
	}

	private static boolean caughtUp(Consumer<String, String> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((entry) -> consumer.position(entry.getKey()) >= entry.getValue());
	}

	private void apply(ConsumerRecord<String, String> record) {
		String appId = record.key();
		if (record.value() == null) {
			if (appId != null) {
				this.registry.remove(appId);
			}
			return;
		}
		try {
			WebhookSecretsUpdated update = WebhookSecretsJson.read(appId, record.value());
			this.registry.put((appId != null) ? appId : update.appId(), AppWebhook.of(update));
		}
		catch (RuntimeException ex) {
			// the value holds secrets: say where it is, never what it says
			logger.error("Ignoring an unreadable {} record at partition {} offset {} ({})", Topics.WEBHOOK_SECRETS,
					record.partition(), record.offset(), ex.getClass().getSimpleName());
		}
	}

	private void markLoaded(int applied) {
		if (!this.registry.isLoaded()) {
			this.registry.markLoaded();
			logger.info("Webhook secrets loaded from {}: {} records read, {} apps with a webhook of their own",
					Topics.WEBHOOK_SECRETS, applied, this.registry.size());
		}
	}

	private void pause() {
		try {
			Thread.sleep(RETRY.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
