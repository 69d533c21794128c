package com.cti.bench.processing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.cti.bench.events.EventStream;
import com.cti.bench.events.FixtureLibrary;
import com.cti.bench.events.GeneratedEvent;
import com.cti.bench.events.IdSource;
import com.cti.bench.ledger.Ledger;
import com.cti.bench.ledger.LedgerEntry;
import com.cti.bench.system.AppCredentials;
import com.cti.bench.system.Log;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventHeaders;
import com.cti.model.EventKind;
import com.cti.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Writes the processing backlog straight to the events topic, as the ingest service would
 * have published it: the same envelope, the same serializer, the same key and headers
 * (the content hash is the payload's SHA-256 rather than the ingest's field-based hash:
 * both are unique per event here). Each event the broker acknowledged goes into the
 * ledger.
 */
final class BacklogWriter {

	private BacklogWriter() {
	}

	static long write(String bootstrapServers, FixtureLibrary fixtures, IdSource ids, List<AppCredentials> apps,
			long count, Ledger ledger) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.LINGER_MS_CONFIG, 5,
				ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
		var stream = new EventStream(fixtures, 9_000, ids, (random) -> random.nextInt(apps.size()), 64,
				System::currentTimeMillis);
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		AtomicLong failed = new AtomicLong();
		List<LedgerEntry> acknowledged = new ArrayList<>();
		try (var producer = new KafkaProducer<String, DialpadEventReceived>(config, new StringSerializer(),
				new JacksonJsonSerializer<DialpadEventReceived>().noTypeInfo())) {
			for (long i = 0; i < count; i++) {
				GeneratedEvent event = stream.next();
				UUID app = apps.get(event.app()).id();
				EventKind kind = EventKind.valueOf(event.kind().toUpperCase(Locale.ROOT));
				var envelope = new DialpadEventReceived(UUID.randomUUID(), app.toString(), kind, Instant.now(),
						event.json(), hash(sha256, event.json()), DialpadEventReceived.CURRENT_SCHEMA_VERSION);
				var record = new ProducerRecord<>(Topics.DIALPAD_EVENTS, event.key(), envelope);
				record.headers()
					.add(EventHeaders.SCHEMA_VERSION, Integer.toString(envelope.schemaVersion()).getBytes());
				record.headers().add(EventHeaders.EVENT_KIND, kind.wireName().getBytes());
				var entry = new LedgerEntry(app, event.kind(), event.resourceId(), LedgerEntry.md5(event.json()));
				producer.send(record, (metadata, exception) -> {
					if (exception != null) {
						failed.incrementAndGet();
					}
					else {
						synchronized (acknowledged) {
							acknowledged.add(entry);
						}
					}
				});
				if ((i + 1) % 100_000 == 0) {
					Log.info("  backlog: %,d events written", i + 1);
				}
			}
			producer.flush();
		}
		ledger.addAll(acknowledged);
		return failed.get();
	}

	private static String hash(MessageDigest sha256, String payload) {
		return HexFormat.of().formatHex(sha256.digest(payload.getBytes(StandardCharsets.UTF_8)));
	}

}
