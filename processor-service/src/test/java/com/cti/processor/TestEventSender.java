package com.cti.processor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.cti.model.AppCommand;
import com.cti.model.DialpadEventReceived;
import com.cti.model.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Publishes to the events topic exactly as the ingest service does (key = call id or
 * message id, JSON envelope without type headers), plus raw bytes for poison tests, and
 * to the app commands topic as the admin service does.
 */
public final class TestEventSender {

	private final KafkaTemplate<String, DialpadEventReceived> envelopes;

	private final KafkaTemplate<String, byte[]> raw;

	private final KafkaTemplate<String, AppCommand> commands;

	public TestEventSender(String bootstrapServers) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
		this.envelopes = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
				new JacksonJsonSerializer<DialpadEventReceived>().noTypeInfo()));
		this.raw = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
		this.commands = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
				new JacksonJsonSerializer<AppCommand>().noTypeInfo()));
	}

	/** Wraps each event in a fresh envelope for the app and publishes them in order. */
	public List<DialpadEventReceived> sendEvents(@Nullable String appId, List<JsonNode> events) {
		List<DialpadEventReceived> sent = events.stream().map((event) -> TestEvents.envelope(appId, event)).toList();
		send(sent);
		return sent;
	}

	/** Publishes the envelopes in order and waits for the broker's acknowledgements. */
	public void send(List<DialpadEventReceived> envelopes) {
		List<CompletableFuture<SendResult<String, DialpadEventReceived>>> futures = new ArrayList<>();
		for (DialpadEventReceived envelope : envelopes) {
			futures.add(this.envelopes
				.send(new ProducerRecord<>(Topics.DIALPAD_EVENTS, TestEvents.key(envelope), envelope)));
		}
		await(futures);
	}

	/** Publishes one envelope with the headers the test gives (a traceparent, say). */
	public void send(DialpadEventReceived envelope, Map<String, String> headers) {
		var record = new ProducerRecord<>(Topics.DIALPAD_EVENTS, TestEvents.key(envelope), envelope);
		headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		await(List.of(this.envelopes.send(record)));
	}

	/** Publishes a command as the admin service does (keyed by its app id). */
	void sendCommand(AppCommand command) {
		await(List.of(this.commands.send(Topics.APP_COMMANDS, command.appId(), command)));
	}

	/** Publishes a command's JSON exactly as the test writes it. */
	void sendRawCommand(String key, String json) {
		await(List.of(this.raw.send(Topics.APP_COMMANDS, key, json.getBytes(StandardCharsets.UTF_8))));
	}

	/** Publishes bytes that are whatever the test says they are. */
	void sendRaw(@Nullable String key, byte[] value) {
		await(List.of(this.raw.send(Topics.DIALPAD_EVENTS, key, value)));
	}

	private static void await(List<? extends CompletableFuture<?>> futures) {
		try {
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("the test could not publish its events", ex);
		}
	}

	public void close() {
		this.envelopes.getProducerFactory().reset();
		this.raw.getProducerFactory().reset();
		this.commands.getProducerFactory().reset();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean(destroyMethod = "close")
		TestEventSender testEventSender(@Value("${spring.embedded.kafka.brokers}") String brokers) {
			return new TestEventSender(brokers);
		}

	}

}
