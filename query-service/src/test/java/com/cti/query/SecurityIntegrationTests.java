package com.cti.query;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API keys: looked up by hash, revocation within the cache TTL, rotation grace, usage
 * recorded in batches; and the statement timeout.
 */
class SecurityIntegrationTests extends ApiIntegrationTest {

	@Autowired
	TransactionTemplate transactions;

	@ParameterizedTest
	@ValueSource(strings = { "/api/calls", "/api/calls/active", "/api/calls/6400000000000101", "/api/conversations",
			"/api/conversations/6400000000000101", "/api/messages", "/api/messages/7300000000000001", "/api/voicemails",
			"/api/voicemails/6400000000000101", "/api/stream", "/api/unknown" })
	void guardsEveryPathOfTheClientApi(String path) {
		for (String key : new String[] { null, "", "cti_wrong" }) {
			ApiClient.Response response = api().get(path, key);
			assertThat(response.status()).as(path + " with key " + key).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.header("RateLimit-Limit")).isNull();
		}
	}

	@Test
	void stopsAcceptingARevokedKeyWithinFiveSeconds() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		assertThat(api().get("/api/calls", key).status()).isEqualTo(200);

		data().revoke(key);
		long revoked = System.nanoTime();

		await().atMost(Duration.ofSeconds(6))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> api().get("/api/calls", key).status() == 401);
		assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(6));
	}

	@Test
	void acceptsARotatedKeyUntilTheEndOfItsGracePeriodExactly() {
		UUID app = data().newApp();
		Instant end = Instant.now().plusSeconds(2);
		String oldKey = data().issueKey(app, end);
		String newKey = data().issueKey(app);

		assertThat(api().get("/api/calls", oldKey).status()).isEqualTo(200);
		assertThat(api().get("/api/calls", newKey).status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(end));
		assertThat(api().get("/api/calls", oldKey).status()).isEqualTo(401);
		assertThat(api().get("/api/calls", newKey).status()).isEqualTo(200);
	}

	@Test
	void refusesTheStoredHashAsAKey() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		String storedHash = HexFormat.of().formatHex(TestData.sha256(key));

		assertThat(api().get("/api/calls", storedHash).status()).isEqualTo(401);
		assertThat(api().get("/api/calls", key.toUpperCase()).status()).isEqualTo(401);
	}

	@Test
	void recordsWhenAKeyWasLastUsedInBatches() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		UUID keyId = data().keyId(key);
		Instant before = Instant.now().minusMillis(5);

		for (int i = 0; i < 5; i++) {
			assertThat(api().get("/api/calls", key).status()).isEqualTo(200);
		}
		Instant last = Instant.now().plusMillis(5);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			OffsetDateTime used = this.jdbc.sql("select last_used_at from api_key_usage where key_id = :id")
				.param("id", keyId)
				.query(OffsetDateTime.class)
				.optional()
				.orElse(null);
			assertThat(used).isNotNull();
			assertThat(used.toInstant()).isBetween(before, last);
		});
	}

	@Test
	void answers503WhenAQueryRunsPastTheStatementTimeout() throws Exception {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		CompletableFuture<Void> release = new CompletableFuture<>();
		CompletableFuture<Void> locked = new CompletableFuture<>();
		CompletableFuture<Void> holder = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((tx) -> {
				this.jdbc.sql("lock table voicemails in access exclusive mode").update();
				locked.complete(null);
				release.join();
			}));
		try {
			locked.get();
			long start = System.nanoTime();

			ApiClient.Response response = api().get("/api/voicemails", key);

			assertThat(response.status()).isEqualTo(503);
			assertThat(response.header("retry-after")).isEqualTo("1");
			assertThat(response.json().get("type").asString()).isEqualTo("urn:cti:api:unavailable");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		}
		finally {
			release.complete(null);
			holder.get();
		}
		assertThat(api().get("/api/voicemails", key).status()).isEqualTo(200);
	}

}
