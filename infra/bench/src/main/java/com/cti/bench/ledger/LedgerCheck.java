package com.cti.bench.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Checks a section's ledger against the database: each accepted event must be in
 * {@code webhook_events} exactly once (matched by the MD5 of its payload, attributed to
 * its app or unattributed) or on the dead-letter topic, and each accepted call leg (and
 * message, once that projection exists) must have its row.
 */
public final class LedgerCheck {

	private final Supplier<Connection> connections;

	private final Supplier<Set<String>> deadLetters;

	/**
	 * @param connections connections to the system's database
	 * @param deadLetters the MD5s of the payloads on the dead-letter topic (read only
	 * when some accepted event is not in the raw log)
	 */
	public LedgerCheck(Supplier<Connection> connections, Supplier<Set<String>> deadLetters) {
		this.connections = connections;
		this.deadLetters = deadLetters;
	}

	public LedgerResult check(Ledger ledger, boolean drained) throws SQLException {
		try (Connection connection = this.connections.get()) {
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table if exists bench_expected, bench_found");
				statement
					.execute("create temp table bench_expected (app_id uuid, md5 text, kind text, resource_id bigint)");
			}
			load(connection, ledger.entries());
			Array apps = connection.createArrayOf("uuid", ledger.apps().toArray());
			try (PreparedStatement found = connection.prepareStatement("""
					create temp table bench_found as
					select e.md5, e.app_id, e.kind, e.resource_id, count(w.id) as n,
					       coalesce(bool_or(w.app_id is null), false) as unattributed,
					       coalesce(bool_or(w.app_id is not null), false) as attributed
					from (select distinct on (md5) md5, app_id, kind, resource_id from bench_expected) e
					left join (select id, app_id, md5(payload) as m from webhook_events
					           where app_id = any(?) or app_id is null) w
					       on w.m = e.md5 and (w.app_id = e.app_id or w.app_id is null)
					group by e.md5, e.app_id, e.kind, e.resource_id
					""")) {
				found.setArray(1, apps);
				found.execute();
			}
			long[] counts = longs(connection, """
					select count(*), count(*) filter (where n = 1), count(*) filter (where n = 1 and not attributed),
					       count(*) filter (where n > 1), count(*) filter (where n = 0)
					from bench_found""");
			long inDeadLetter = (counts[4] > 0) ? countInDeadLetter(connection) : 0;
			long[] calls = longs(connection, """
					select count(*), count(*) filter (where c.call_id is null)
					from (select distinct app_id, resource_id from bench_found where kind = 'call' and attributed) l
					left join calls c on c.app_id = l.app_id and c.call_id = l.resource_id""");
			long[] messages = checkMessages(connection, apps);
			String note = (messages[1] < 0 && messages[0] > 0)
					? "messages not checked: the processor wrote no message rows (no messages projection yet)" : null;
			return new LedgerResult(ledger.section(), counts[0], counts[1], counts[2], counts[3], counts[4],
					inDeadLetter, calls[0], calls[1], messages[0], messages[1], note, drained);
		}
	}

	private static void load(Connection connection, List<LedgerEntry> entries) throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy bench_expected (app_id, md5, kind, resource_id) from stdin");
		try {
			var chunk = new StringBuilder(1 << 16);
			for (LedgerEntry entry : entries) {
				chunk.append(entry.app())
					.append('\t')
					.append(entry.payloadMd5())
					.append('\t')
					.append(entry.kind())
					.append('\t')
					.append((entry.resourceId() >= 0) ? Long.toString(entry.resourceId()) : "\\N")
					.append('\n');
				if (chunk.length() > 60_000) {
					write(copy, chunk);
				}
			}
			write(copy, chunk);
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
		byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		chunk.setLength(0);
	}

	private long countInDeadLetter(Connection connection) throws SQLException {
		Set<String> dead = this.deadLetters.get();
		if (dead.isEmpty()) {
			return 0;
		}
		Set<String> missing = new HashSet<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select md5 from bench_found where n = 0")) {
			while (rows.next()) {
				missing.add(rows.getString(1));
			}
		}
		missing.retainAll(dead);
		return missing.size();
	}

	private static long[] checkMessages(Connection connection, Array apps) throws SQLException {
		long accepted = longs(connection,
				"select count(*) from (select distinct app_id, resource_id from bench_found where kind = 'sms' and attributed) m")[0];
		boolean projected = false;
		if (longs(connection, "select count(*) from pg_tables where tablename = 'messages'")[0] > 0) {
			try (PreparedStatement any = connection
				.prepareStatement("select count(*) from (select 1 from messages where app_id = any(?) limit 1) m")) {
				any.setArray(1, apps);
				try (ResultSet rows = any.executeQuery()) {
					rows.next();
					projected = rows.getLong(1) > 0;
				}
			}
		}
		if (!projected) {
			return new long[] { accepted, -1 };
		}
		long missing = longs(connection,
				"""
						select count(*) from (select distinct app_id, resource_id from bench_found where kind = 'sms' and attributed) l
						left join messages m on m.app_id = l.app_id and m.message_id = l.resource_id
						where m.message_id is null""")[0];
		return new long[] { accepted, missing };
	}

	private static long[] longs(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			int columns = rows.getMetaData().getColumnCount();
			long[] values = new long[columns];
			for (int i = 0; i < columns; i++) {
				values[i] = rows.getLong(i + 1);
			}
			return values;
		}
	}

}
