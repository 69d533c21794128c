package com.cti.processor.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import com.cti.model.DialpadEventReceived;
import com.cti.model.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * A record that can never be applied (not an envelope, an envelope version this code does
 * not know, or an event the database refuses), and the {@code webhook_events} row that
 * records it with its error: unattributed ({@code app_id} null), not processed. Its id
 * and content hash derive from the record's topic, partition and offset, so a redelivery
 * records nothing twice: the content hash is the processor's own, the SHA-256 (hex) of
 * {@code poison:<topic>-<partition>@<offset>}, since an unreadable record has no content
 * that ingest's hash rule could read.
 */
record PoisonEvent(ConsumerRecord<String, DialpadEventReceived> record, String error, StoredEvent stored) {

	private static final LogAccessor logger = new LogAccessor(PoisonEvent.class);

	static PoisonEvent of(ConsumerRecord<String, DialpadEventReceived> record, String problem) {
		String location = record.topic() + "-" + record.partition() + "@" + record.offset();
		DialpadEventReceived envelope = record.value();
		String payload;
		String error = problem + " (record " + location + ")";
		if (envelope != null) {
			payload = envelope.payload();
		}
		else {
			byte[] raw = rawValue(record);
			String text = utf8(raw);
			payload = (text != null) ? text : Base64.getEncoder().encodeToString(raw);
			error = (text != null) ? error : error + "; payload stored as base64";
		}
		var stored = new StoredEvent(UUID.nameUUIDFromBytes(("poison:" + location).getBytes(StandardCharsets.UTF_8)),
				null, (envelope != null) ? envelope.appId() : null,
				(envelope != null) ? envelope.kind().wireName() : "unknown", null, null, null,
				sha256Hex("poison:" + location), EventBatchService.withoutNul(payload),
				(envelope != null) ? envelope.schemaVersion() : headerVersion(record),
				(envelope != null) ? envelope.receivedAt() : Instant.ofEpochMilli(Math.max(0, record.timestamp())),
				false, error);
		return new PoisonEvent(record, error, stored);
	}

	private static String sha256Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] rawValue(ConsumerRecord<?, ?> record) {
		DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logger);
		return (failure != null && failure.getData() != null) ? failure.getData() : new byte[0];
	}

	/** The bytes as text when they are valid UTF-8 without NUL characters, else null. */
	private static @Nullable String utf8(byte[] raw) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(raw))
				.toString();
			return (text.indexOf('\u0000') >= 0) ? null : text;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static int headerVersion(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(EventHeaders.SCHEMA_VERSION);
		try {
			return (header != null) ? Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8).trim()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
