package com.cti.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /api/stream under a reconnect storm: many clients of one app connecting and
 * dropping at once, far above its limit of 5 streams (abruptly too: a reset instead of a
 * close). The app never holds more than its limit, every refusal is a 429 problem, no
 * slot leaks (once the dropped connections are noticed, at the next heartbeat, the app
 * can open its 5 streams again), and another app is never refused meanwhile.
 */
class StreamReconnectStormIntegrationTests extends ApiIntegrationTest {

	private static final int LIMIT = 5;

	private static final int CLIENTS = 40;

	private static final int ATTEMPTS_PER_CLIENT = 15;

	@Test
	void keepsTheLimitAndLeaksNoSlotUnderAReconnectStorm() throws Exception {
		String stormingKey = data().issueKey(data().newApp());
		String otherKey = data().issueKey(data().newApp());
		AtomicInteger held = new AtomicInteger();
		AtomicInteger mostHeld = new AtomicInteger();
		AtomicInteger opened = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
		List<Stream> others = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			for (int i = 0; i < LIMIT - 1; i++) {
				others.add(open(otherKey));
			}
			List<Future<?>> storm = new ArrayList<>();
			for (int client = 0; client < CLIENTS; client++) {
				Random random = new Random(client);
				storm.add(clients.submit(() -> {
					for (int attempt = 0; attempt < ATTEMPTS_PER_CLIENT; attempt++) {
						try (Stream stream = open(stormingKey)) {
							if (stream.status() == 200) {
								opened.incrementAndGet();
								mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
								stream.awaitComment(":connected");
								held.decrementAndGet();
								stream.drop(random.nextBoolean());
							}
							else if (stream.status() == 429 && stream.isProblem("urn:cti:api:too-many-streams")) {
								refused.incrementAndGet();
							}
							else {
								wrong.add(stream.head());
							}
						}
					}
					return null;
				}));
				// the other app takes its last slot in the middle of the storm: not
				// refused
				if (client == CLIENTS / 2) {
					others.add(open(otherKey));
					assertThat(others.get(others.size() - 1).status()).isEqualTo(200);
				}
			}
			for (Future<?> client : storm) {
				client.get(120, TimeUnit.SECONDS);
			}
			assertThat(wrong).isEmpty();
			assertThat(mostHeld.get()).isLessThanOrEqualTo(LIMIT);
			assertThat(opened.get()).isPositive();
			assertThat(refused.get()).isPositive();
			assertThat(opened.get() + refused.get()).isEqualTo(CLIENTS * ATTEMPTS_PER_CLIENT);

			// the dropped streams are noticed at the next heartbeats: then every slot is
			// free
			List<Stream> after = new ArrayList<>();
			try {
				await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
					after.forEach(Stream::close);
					after.clear();
					for (int i = 0; i < LIMIT; i++) {
						after.add(open(stormingKey));
					}
					assertThat(after).allSatisfy((stream) -> assertThat(stream.status()).isEqualTo(200));
				});
				try (Stream beyond = open(stormingKey)) {
					assertThat(beyond.status()).isEqualTo(429);
				}
			}
			finally {
				after.forEach(Stream::close);
			}
			// and its streams went on through the storm
			assertThat(others).hasSize(LIMIT).allSatisfy((stream) -> assertThat(stream.status()).isEqualTo(200));
			assertThat(others).allSatisfy((stream) -> assertThat(stream.awaitHeartbeat()).isTrue());
		}
		finally {
			clients.shutdownNow();
			others.forEach(Stream::close);
		}
	}

	@Test
	void neverAdmitsMoreThanTheLimitWhenClientsConnectAtOnce() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			for (int round = 0; round < 3; round++) {
				// an app of its own each round: all its slots are free
				UUID app = data().newApp();
				String key = data().issueKey(app);
				// clients that resume (Last-Event-ID), as reconnecting clients do
				String lastEventId = Long.toString(data().recordChange(app, "call", 6400000000000101L));
				CyclicBarrier start = new CyclicBarrier(CLIENTS);
				CyclicBarrier answered = new CyclicBarrier(CLIENTS);
				List<Future<Integer>> statuses = new ArrayList<>();
				for (int client = 0; client < CLIENTS; client++) {
					boolean abruptly = client % 2 == 0;
					statuses.add(clients.submit(() -> {
						start.await(20, TimeUnit.SECONDS);
						try (Stream stream = open(key, lastEventId)) {
							// every client holds its answer until all have one
							answered.await(20, TimeUnit.SECONDS);
							stream.drop(abruptly);
							return stream.status();
						}
					}));
				}
				List<Integer> all = new ArrayList<>();
				for (Future<Integer> status : statuses) {
					all.add(status.get(60, TimeUnit.SECONDS));
				}
				assertThat(all).as("round " + round).containsOnly(200, 429);
				assertThat(all.stream().filter((status) -> status == 200).count()).as("round " + round)
					.isEqualTo(LIMIT);
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	private Stream open(String key) {
		return open(key, null);
	}

	/** Opens a stream over a raw socket and reads its status line and headers. */
	private Stream open(String key, @Nullable String lastEventId) {
		try {
			Socket socket = new Socket("127.0.0.1", this.port);
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nx-app-api-key: "
					+ key + "\r\n" + ((lastEventId != null) ? "Last-Event-ID: " + lastEventId + "\r\n" : "") + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new Stream(socket, readHead(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next < 0) {
				break;
			}
			head.write(next);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	/** One client connection: its response head, and how it ends. */
	private record Stream(Socket socket, String head) implements AutoCloseable {

		int status() {
			return this.head.startsWith("HTTP/1.1 ") ? Integer.parseInt(this.head.substring(9, 12)) : -1;
		}

		/**
		 * Reads the rest of a refusal (a problem with a content length) and checks it.
		 */
		boolean isProblem(String type) {
			try {
				if (!this.head.toLowerCase().contains("content-type: application/problem+json")) {
					return false;
				}
				byte[] body = new byte[4096];
				int read = this.socket.getInputStream().read(body);
				return read > 0 && new String(body, 0, read, StandardCharsets.UTF_8).contains(type);
			}
			catch (IOException ex) {
				return false;
			}
		}

		/** Whether a heartbeat comes within 5 s. */
		boolean awaitHeartbeat() {
			return awaitComment(":heartbeat");
		}

		/** Whether the comment comes within 5 s. */
		boolean awaitComment(String comment) {
			try {
				this.socket.setSoTimeout(5_000);
				InputStream in = this.socket.getInputStream();
				ByteArrayOutputStream seen = new ByteArrayOutputStream();
				while (!seen.toString(StandardCharsets.UTF_8).contains(comment)) {
					int next = in.read();
					if (next < 0) {
						return false;
					}
					seen.write(next);
				}
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

		/** Drops the connection: abruptly (a TCP reset) or with a normal close. */
		void drop(boolean abruptly) {
			try {
				if (abruptly) {
					this.socket.setSoLinger(true, 0);
				}
				this.socket.close();
			}
			catch (IOException ex) {
				// gone already
			}
		}

		@Override
		public void close() {
			drop(false);
		}

	}

}
