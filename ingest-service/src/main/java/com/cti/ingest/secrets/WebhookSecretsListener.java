package com.cti.ingest.secrets;

import java.util.Map;

import com.cti.model.Topics;
import com.cti.model.WebhookSecretsUpdated;
import com.cti.model.WireJson;
import com.cti.platform.crypto.EncryptionKeyring;
import com.cti.platform.crypto.WebhookSecretsSeal;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.stereotype.Component;

/**
 * Reads the compacted secrets topic into the {@link WebhookSecretsRegistry}, opening the
 * secrets sealed with {@code CTI_ENCRYPTION_KEY} (a record whose secrets do not open with
 * it, or whose key is another app's, is logged and ignored; one in clear, written before
 * the topic was sealed, is read as it is): its one partition assigned to this instance
 * (no consumer group, nothing committed), from offset 0 at every start, then followed.
 * The container's consumer connects and retries on a thread of its own, so the service
 * starts and accepts webhooks whether the topic is empty or Kafka is unreachable; until
 * the topic has been read to its end (as it was at the first check after the start) the
 * registry says it is not loaded. It checks after each record and whenever the container
 * idles, since an empty topic gives no record.
 */
@Component
class WebhookSecretsListener implements ConsumerSeekAware {

	static final String ID = "cti-ingest-webhook-secrets";

	private static final Logger logger = LoggerFactory.getLogger(WebhookSecretsListener.class);

	private final WebhookSecretsRegistry registry;

	private final @Nullable WebhookSecretsSeal seal;

	/** The end offsets to reach at start-up; touched on the consumer's thread only. */
	private @Nullable Map<TopicPartition, Long> ends;

	private int applied;

	WebhookSecretsListener(WebhookSecretsRegistry registry, WebhookSecretsProperties properties) {
		this.registry = registry;
		String key = properties.encryptionKey();
		this.seal = (key != null && !key.isBlank()) ? new WebhookSecretsSeal(EncryptionKeyring.parse(key)) : null;
		if (this.seal == null) {
			logger.warn(
					"CTI_ENCRYPTION_KEY is not set: the apps' own webhook secrets, sealed with it on {}, "
							+ "cannot be read; only DIALPAD_WEBHOOK_SECRET verifies their events",
					Topics.WEBHOOK_SECRETS);
		}
	}

	// one partition, as CtiTopics declares the topic: assigned by hand, so that no
	// consumer group (and no committed offset) ever exists for it
	@KafkaListener(id = ID, idIsGroup = false, concurrency = "1", containerPostProcessor = ContainerSettings.NAME,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(topic = Topics.WEBHOOK_SECRETS,
					partitions = "0", partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0")),
			properties = { "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
					"value.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
					"enable.auto.commit=false", "default.api.timeout.ms=5000", "request.timeout.ms=5000" })
	void onRecord(ConsumerRecord<String, @Nullable String> record, Consumer<?, ?> consumer) {
		apply(record);
		this.applied++;
		checkLoaded(consumer);
	}

	@EventListener(condition = "#event.listenerId.startsWith('" + ID + "')")
	void onIdle(ListenerContainerIdleEvent event) {
		checkLoaded(event.getConsumer());
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		this.ends = null;
		this.applied = 0;
	}

	private void apply(ConsumerRecord<String, @Nullable String> record) {
		String appId = record.key();
		String value = record.value();
		if (appId == null) {
			logger.error("Ignoring a {} record without a key at partition {} offset {}", Topics.WEBHOOK_SECRETS,
					record.partition(), record.offset());
			return;
		}
		if (value == null) {
			this.registry.remove(appId);
			return;
		}
		WebhookSecretsUpdated update;
		try {
			update = WireJson.mapper().readValue(value, WebhookSecretsUpdated.class);
		}
		catch (RuntimeException ex) {
			// the value holds secrets: say where it is, never what it says
			logger.error("Ignoring an unreadable {} record at partition {} offset {} ({})", Topics.WEBHOOK_SECRETS,
					record.partition(), record.offset(), ex.getClass().getSimpleName());
			return;
		}
		if (!appId.equals(update.appId())) {
			logger.error("Ignoring the {} record at partition {} offset {}: keyed by app {} but for app {}",
					Topics.WEBHOOK_SECRETS, record.partition(), record.offset(), appId, update.appId());
			return;
		}
		try {
			this.registry.put(appId, AppWebhook.of(open(update)));
		}
		catch (EncryptionKeyring.UndecryptableException ex) {
			logger.error(
					"Ignoring the {} record of app {} at partition {} offset {}: its secrets do not open ({}; "
							+ "is CTI_ENCRYPTION_KEY the admin service's?)",
					Topics.WEBHOOK_SECRETS, appId, record.partition(), record.offset(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			// the value holds secrets: say where it is, never what it says
			logger.error("Ignoring an unreadable {} record at partition {} offset {} ({})", Topics.WEBHOOK_SECRETS,
					record.partition(), record.offset(), ex.getClass().getSimpleName());
		}
	}

	private WebhookSecretsUpdated open(WebhookSecretsUpdated update) {
		if (this.seal != null) {
			return this.seal.open(update);
		}
		if (WebhookSecretsSeal.isSealed(update)) {
			throw new EncryptionKeyring.UndecryptableException("CTI_ENCRYPTION_KEY is not set");
		}
		return update;
	}

	private void checkLoaded(Consumer<?, ?> consumer) {
		if (this.registry.isLoaded()) {
			return;
		}
		try {
			Map<TopicPartition, Long> ends = this.ends;
			if (ends == null) {
				ends = consumer.endOffsets(consumer.assignment());
				this.ends = ends;
			}
			if (!ends.isEmpty()
					&& ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue())) {
				this.registry.markLoaded();
				logger.info("Webhook secrets loaded from {}: {} records read, {} apps with a webhook of their own",
						Topics.WEBHOOK_SECRETS, this.applied, this.registry.size());
			}
		}
		catch (KafkaException ex) {
			// Kafka's messages name brokers and topics, never record contents
			logger.warn("Reading {} to its end failed, retrying: {}", Topics.WEBHOOK_SECRETS, ex.toString());
		}
	}

	/**
	 * The container never commits (no acknowledgement in manual mode) and idles often
	 * enough to notice the topic's end soon.
	 */
	@Component(ContainerSettings.NAME)
	static class ContainerSettings
			implements ContainerPostProcessor<String, String, AbstractMessageListenerContainer<String, String>> {

		static final String NAME = "cti-ingest-webhook-secrets-container";

		@Override
		public void postProcess(AbstractMessageListenerContainer<String, String> container) {
			container.getContainerProperties().setAckMode(AckMode.MANUAL);
			// an empty poll returns (and the container can say it idles) after this long
			container.getContainerProperties().setPollTimeout(100L);
			container.getContainerProperties().setIdleEventInterval(100L);
		}

	}

}
