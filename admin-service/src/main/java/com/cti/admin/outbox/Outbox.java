package com.cti.admin.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.cti.admin.leases.Leases;
import com.cti.platform.KafkaSends;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin service's transactional outbox ({@code admin_outbox}): a change records, in
 * its own transaction, that a topic is owed a key's message; after the commit the caller
 * delivers it and waits for Kafka's acknowledgement, and {@link OutboxRelay} delivers
 * what a caller could not. Nothing reaches Kafka before the change that it announces is
 * committed, and nothing committed is lost when Kafka is down (at least once). One
 * delivery per key at a time (a lease), so an older state never overtakes a newer one.
 */
@Component
public class Outbox {

	private static final Duration DELIVERY_LEASE = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Leases leases;

	private final KafkaTemplate<String, Object> kafkaTemplate;

	private final Map<String, OutboxMessages> messages;

	Outbox(JdbcClient jdbc, Leases leases, KafkaTemplate<String, Object> kafkaTemplate, List<OutboxMessages> messages) {
		this.jdbc = jdbc;
		this.leases = leases;
		this.kafkaTemplate = kafkaTemplate;
		this.messages = messages.stream().collect(Collectors.toMap(OutboxMessages::topic, Function.identity()));
	}

	/**
	 * Records, in the caller's transaction, that the topic is owed the key's message (a
	 * newer debt of the same key replaces an older one).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void owe(String topic, String key, @Nullable String payload) {
		this.jdbc.sql("""
				insert into admin_outbox (topic, message_key, payload) values (:topic, :key, :payload)
				on conflict (topic, message_key) do update
				set payload = excluded.payload, revision = nextval('admin_outbox_revision'), owed_since = now()
				""").param("topic", topic).param("key", key).param("payload", payload).update();
	}

	/**
	 * Sends what the key is owed, if anything, and returns once Kafka acknowledged it.
	 * Runs after the commit, outside any transaction.
	 * @throws NotDeliveredException when Kafka did not acknowledge it in time (it stays
	 * owed: the relay sends it later)
	 */
	public void deliver(String topic, String key, Duration timeout) {
		try (Leases.Lease lease = this.leases.acquire("outbox:" + topic + ":" + key, DELIVERY_LEASE, timeout)
			.orElseThrow(() -> new NotDeliveredException(topic, key, "another delivery of it did not end in time"))) {
			Optional<Owed> owed = find(topic, key);
			if (owed.isEmpty()) {
				return;
			}
			Optional<OutboxMessages.Message> message = messagesOf(topic).current(key, owed.get().payload());
			if (message.isPresent()) {
				send(topic, key, message.get().value(), timeout);
			}
			this.jdbc
				.sql("delete from admin_outbox where topic = :topic and message_key = :key and revision = :revision")
				.param("topic", topic)
				.param("key", key)
				.param("revision", owed.get().revision())
				.update();
		}
	}

	/** What has been owed since before the instant, oldest first. */
	List<Owed> owedSince(Instant before, int limit) {
		return this.jdbc.sql("""
				select topic, message_key, payload, revision from admin_outbox
				where owed_since < :before order by owed_since limit :limit
				""")
			.param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
			.param("limit", limit)
			.query(Owed.class)
			.list();
	}

	private Optional<Owed> find(String topic, String key) {
		return this.jdbc.sql(
				"select topic, message_key, payload, revision from admin_outbox where topic = :topic and message_key = :key")
			.param("topic", topic)
			.param("key", key)
			.query(Owed.class)
			.optional();
	}

	private OutboxMessages messagesOf(String topic) {
		OutboxMessages found = this.messages.get(topic);
		if (found == null) {
			throw new IllegalStateException("No messages for topic " + topic + " are known here");
		}
		return found;
	}

	private void send(String topic, String key, @Nullable Object value, Duration timeout) {
		CompletableFuture<?> sent;
		try {
			sent = this.kafkaTemplate.send(topic, key, value);
		}
		catch (RuntimeException ex) {
			throw new NotDeliveredException(topic, key, ex.toString());
		}
		try {
			KafkaSends.awaitAcknowledged(sent, timeout);
		}
		catch (KafkaSends.NotAcknowledgedException ex) {
			sent.cancel(false);
			throw new NotDeliveredException(topic, key, ex.getMessage());
		}
	}

	/** A row of {@code admin_outbox}. */
	record Owed(String topic, String messageKey, @Nullable String payload, long revision) {
	}

	/** Kafka did not take an owed message; it stays owed. */
	public static class NotDeliveredException extends RuntimeException {

		NotDeliveredException(String topic, String key, @Nullable String reason) {
			super("The message for " + key + " on " + topic + " was not delivered: " + reason);
		}

	}

}
