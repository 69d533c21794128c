package com.cti.ingest.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.cti.ingest.delivery.EventSpool.Entry;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EventSpoolTests {

	private static final long MB = 1024 * 1024;

	@TempDir
	Path directory;

	@Test
	void readsRecordsBackInTheOrderTheyWereAppended() throws IOException {
		try (var spool = new EventSpool(this.directory, MB, MB)) {
			append(spool, "one", "two", "three");

			assertThat(spool.depth()).isEqualTo(3);
			assertThat(texts(spool.read(10))).containsExactly("one", "two", "three");
			assertThat(texts(spool.read(2))).containsExactly("one", "two");
		}
	}

	@Test
	void continuesAfterTheLastCommittedRecord() throws IOException {
		try (var spool = new EventSpool(this.directory, MB, MB)) {
			append(spool, "one", "two", "three");
			List<Entry> batch = spool.read(2);

			spool.commit(batch.get(1), 2);

			assertThat(spool.depth()).isEqualTo(1);
			assertThat(texts(spool.read(10))).containsExactly("three");
		}
	}

	@Test
	void keepsUnforwardedRecordsAcrossARestart() throws IOException {
		try (var spool = new EventSpool(this.directory, MB, MB)) {
			append(spool, "one", "two", "three", "four");
			spool.commit(spool.read(10).get(0), 1);
		}

		try (var reopened = new EventSpool(this.directory, MB, MB)) {
			assertThat(reopened.depth()).isEqualTo(3);
			assertThat(texts(reopened.read(10))).containsExactly("two", "three", "four");
			append(reopened, "five");
			assertThat(texts(reopened.read(10))).containsExactly("two", "three", "four", "five");
		}
	}

	@Test
	void cutsOffARecordTornByACrashAndAppendsAfterTheLastWholeOne() throws IOException {
		try (var spool = new EventSpool(this.directory, MB, MB)) {
			append(spool, "one", "two");
		}
		Path segment = onlySegment();
		long whole = Files.size(segment);
		try (var channel = FileChannel.open(segment, StandardOpenOption.APPEND)) {
			// a header that promises 100 bytes, and only 10 of them
			channel.write(ByteBuffer.allocate(18).putInt(100).putInt(12345).put(new byte[10]).flip());
		}

		try (var reopened = new EventSpool(this.directory, MB, MB)) {
			assertThat(Files.size(segment)).isEqualTo(whole);
			assertThat(reopened.depth()).isEqualTo(2);
			append(reopened, "three");
			assertThat(texts(reopened.read(10))).containsExactly("one", "two", "three");
		}
	}

	@Test
	void cutsOffARecordWhoseChecksumDoesNotMatch() throws IOException {
		try (var spool = new EventSpool(this.directory, MB, MB)) {
			append(spool, "one", "two");
		}
		Path segment = onlySegment();
		try (var channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap("X".getBytes(StandardCharsets.UTF_8)), Files.size(segment) - 1);
		}

		try (var reopened = new EventSpool(this.directory, MB, MB)) {
			assertThat(texts(reopened.read(10))).containsExactly("one");
		}
	}

	@Test
	void refusesRecordsBeyondItsSizeLimitUntilForwardingFreesSpace() throws IOException {
		try (var spool = new EventSpool(this.directory, 100, MB)) {
			byte[] record = new byte[40];
			spool.append(record);
			spool.append(record);

			assertThatExceptionOfType(SpoolFullException.class).isThrownBy(() -> spool.append(record));

			List<Entry> batch = spool.read(10);
			spool.commit(batch.get(1), 2);
			spool.append(record);
			assertThat(spool.depth()).isEqualTo(1);
		}
	}

	@Test
	void deletesForwardedFilesAndTakesNoSpaceOnceEmpty() throws IOException {
		try (var spool = new EventSpool(this.directory, MB, 64)) {
			append(spool, IntStream.range(0, 20).mapToObj((i) -> "record-" + i).toArray(String[]::new));
			assertThat(segments()).hasSizeGreaterThan(3);

			List<Entry> firstHalf = spool.read(10);
			spool.commit(firstHalf.get(9), 10);
			assertThat(texts(spool.read(1))).containsExactly("record-10");
			assertThat(segments()).hasSizeLessThan(8);

			List<Entry> rest = spool.read(100);
			assertThat(rest).hasSize(10);
			spool.commit(rest.get(9), 10);

			assertThat(spool.isEmpty()).isTrue();
			assertThat(segments()).isEmpty();
			assertThat(spool.size()).isZero();
			append(spool, "after");
			assertThat(texts(spool.read(10))).containsExactly("after");
		}
		try (var reopened = new EventSpool(this.directory, MB, 64)) {
			assertThat(texts(reopened.read(10))).containsExactly("after");
		}
	}

	@Test
	void startsEmptyAfterEverythingWasForwardedBeforeARestart() throws IOException {
		try (var spool = new EventSpool(this.directory, MB, MB)) {
			append(spool, "one", "two");
			spool.commit(spool.read(10).get(1), 2);
		}

		try (var reopened = new EventSpool(this.directory, MB, MB)) {
			assertThat(reopened.isEmpty()).isTrue();
			assertThat(reopened.read(10)).isEmpty();
			append(reopened, "three");
			assertThat(texts(reopened.read(10))).containsExactly("three");
		}
	}

	@Test
	void forwardsEverythingAgainRatherThanSkipAnythingWhenTheCheckpointIsDamaged() throws IOException {
		try (var spool = new EventSpool(this.directory, MB, MB)) {
			append(spool, "one", "two", "three");
			spool.commit(spool.read(10).get(0), 1);
		}
		Files.write(this.directory.resolve("checkpoint"), new byte[] { 1, 2, 3 });

		try (var reopened = new EventSpool(this.directory, MB, MB)) {
			assertThat(texts(reopened.read(10))).containsExactly("one", "two", "three");
		}
	}

	@Test
	void admitsOneInstancePerDirectory() throws IOException {
		try (var spool = new EventSpool(this.directory, MB, MB)) {
			assertThatIllegalStateException().isThrownBy(() -> new EventSpool(this.directory, MB, MB))
				.withMessageContaining("INGEST_SPOOL_DIR");
		}
		new EventSpool(this.directory, MB, MB).close();
	}

	@Test
	void keepsEveryRecordOfConcurrentAppends() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try (var spool = new EventSpool(this.directory, 64 * MB, 4096)) {
			List<Future<?>> appends = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				int t = thread;
				appends.add(executor.submit(() -> {
					for (int i = 0; i < 100; i++) {
						spool.append((t + ":" + i).getBytes(StandardCharsets.UTF_8));
					}
					return null;
				}));
			}
			for (Future<?> append : appends) {
				append.get();
			}

			List<String> texts = texts(spool.read(10_000));
			assertThat(texts).hasSize(800).doesNotHaveDuplicates();
			for (int t = 0; t < 8; t++) {
				String prefix = t + ":";
				// each thread's records stay in the order that thread appended them
				assertThat(texts.stream().filter((text) -> text.startsWith(prefix)).toList())
					.containsExactlyElementsOf(IntStream.range(0, 100).mapToObj((i) -> prefix + i).toList());
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void storesAnEnvelopeAndItsKeyExactly() {
		var event = new DialpadEventReceived(UUID.randomUUID(), null, EventKind.SMS,
				Instant.parse("2026-11-26T10:00:00.123456Z"), "{ \"id\": 1, \"text\": \"Zoë ☎\" }", "ab12", 1);

		SpooledEvent decoded = SpooledEvent.fromBytes(new SpooledEvent("6500000000000001", event).toBytes());

		assertThat(decoded.key()).isEqualTo("6500000000000001");
		assertThat(decoded.event()).isEqualTo(event);
		assertThat(SpooledEvent.fromBytes(new SpooledEvent(null, event).toBytes()).key()).isNull();
	}

	private static void append(EventSpool spool, String... texts) throws IOException {
		for (String text : texts) {
			spool.append(text.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static List<String> texts(List<Entry> entries) {
		return entries.stream().map((entry) -> new String(entry.data(), StandardCharsets.UTF_8)).toList();
	}

	private List<Path> segments() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("segment-")).toList();
		}
	}

	private Path onlySegment() throws IOException {
		List<Path> segments = segments();
		assertThat(segments).hasSize(1);
		return segments.get(0);
	}

}
