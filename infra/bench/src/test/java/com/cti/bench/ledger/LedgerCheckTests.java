package com.cti.bench.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's SQL against a real PostgreSQL, on the columns of the schema it reads.
 */
class LedgerCheckTests {

	private static final UUID APP = UUID.fromString("00000000-0000-4000-8000-000000000001");

	private static final UUID OTHER_APP = UUID.fromString("00000000-0000-4000-8000-000000000002");

	private static EmbeddedPostgres postgres;

	private Set<String> deadLetters = Set.of();

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@BeforeEach
	void createTables() throws SQLException {
		execute("drop table if exists webhook_events, calls, messages",
				"create table webhook_events (id uuid primary key, app_id uuid, payload text not null)",
				"create table calls (app_id uuid not null, call_id bigint not null, primary key (app_id, call_id))",
				"create table messages (app_id uuid not null, message_id bigint not null)");
	}

	@Test
	void balancesWhenEveryAcceptedEventAndLegIsStored() throws SQLException {
		store(APP, "{\"call_id\":1,\"state\":\"ringing\"}");
		store(APP, "{\"call_id\":1,\"state\":\"hangup\"}");
		store(null, "{\"event\":\"Created\"}");
		execute("insert into calls values ('" + APP + "', 1)");
		LedgerResult result = check(call("{\"call_id\":1,\"state\":\"ringing\"}"),
				call("{\"call_id\":1,\"state\":\"hangup\"}"),
				new LedgerEntry(APP, "contact", -1, LedgerEntry.md5("{\"event\":\"Created\"}")));
		assertThat(result.balanced()).isTrue();
		assertThat(result.accepted()).isEqualTo(3);
		assertThat(result.foundOnce()).isEqualTo(3);
		assertThat(result.unattributed()).isEqualTo(1);
		assertThat(result.callLegs()).isEqualTo(1);
		assertThat(result.messagesMissing()).isEqualTo(-1);
	}

	@Test
	void aMissingEventOrLegDoesNotBalance() throws SQLException {
		store(APP, "{\"call_id\":2,\"state\":\"ringing\"}");
		LedgerResult result = check(call("{\"call_id\":2,\"state\":\"ringing\"}"),
				call("{\"call_id\":2,\"state\":\"hangup\"}"));
		assertThat(result.missing()).isEqualTo(1);
		assertThat(result.callLegsMissing()).isEqualTo(1);
		assertThat(result.balanced()).isFalse();
	}

	@Test
	void anEventOfAnotherAppDoesNotCount() throws SQLException {
		store(OTHER_APP, "{\"call_id\":3,\"state\":\"ringing\"}");
		execute("insert into calls values ('" + APP + "', 3)");
		assertThat(check(call("{\"call_id\":3,\"state\":\"ringing\"}")).missing()).isEqualTo(1);
	}

	@Test
	void anEventOnTheDeadLetterTopicIsAccountedFor() throws SQLException {
		this.deadLetters = Set.of(LedgerEntry.md5("{\"call_id\":4,\"state\":\"ringing\"}"));
		LedgerResult result = check(call("{\"call_id\":4,\"state\":\"ringing\"}"));
		assertThat(result.inDeadLetter()).isEqualTo(1);
		assertThat(result.callLegs()).isZero();
		assertThat(result.balanced()).isTrue();
	}

	@Test
	void checksMessagesOnceTheProjectionHasRows() throws SQLException {
		store(APP, "{\"id\":5,\"message_status\":\"sent\"}");
		store(APP, "{\"id\":6,\"message_status\":\"sent\"}");
		execute("insert into messages values ('" + APP + "', 5)");
		LedgerResult result = check(
				new LedgerEntry(APP, "sms", 5, LedgerEntry.md5("{\"id\":5,\"message_status\":\"sent\"}")),
				new LedgerEntry(APP, "sms", 6, LedgerEntry.md5("{\"id\":6,\"message_status\":\"sent\"}")));
		assertThat(result.messages()).isEqualTo(2);
		assertThat(result.messagesMissing()).isEqualTo(1);
		assertThat(result.balanced()).isFalse();
	}

	private LedgerResult check(LedgerEntry... entries) throws SQLException {
		var ledger = new Ledger("test", List.of(APP));
		ledger.addAll(List.of(entries));
		return new LedgerCheck(LedgerCheckTests::connect, () -> this.deadLetters).check(ledger, true);
	}

	private static LedgerEntry call(String payload) {
		long callId = Long.parseLong(payload.replaceAll("^\\{\"call_id\":(\\d+),.*$", "$1"));
		return new LedgerEntry(APP, "call", callId, LedgerEntry.md5(payload));
	}

	private static void store(UUID app, String payload) throws SQLException {
		execute("insert into webhook_events values ('" + UUID.randomUUID() + "', "
				+ ((app != null) ? "'" + app + "'" : "null") + ", '" + payload + "')");
	}

	private static void execute(String... sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	private static Connection connect() {
		try {
			return postgres.getPostgresDatabase().getConnection();
		}
		catch (SQLException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

}
