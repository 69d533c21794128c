package com.cti.bench.queries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.bench.system.Log;

/**
 * Generates the query data set straight into {@code calls} with
 * {@code INSERT ... SELECT generate_series}: calls spread evenly over the apps and over
 * the past year (inserted in time order, as they would have arrived), 50 agents per app,
 * a fifth unanswered, the last ten per app still live. The table's secondary indexes and
 * keys are dropped during the load and rebuilt exactly as they were defined.
 */
final class CallDataset {

	static final long FIRST_CALL_ID = 6_900_000_000_000_000L;

	static final long FIRST_TARGET_ID = 5_600_000_000_000_000L;

	static final int TARGETS_PER_APP = 50;

	static final int ACTIVE_PER_APP = 10;

	private static final long CHUNK = 1_000_000;

	private static final String INSERT = """
			insert into calls (app_id, call_id, conversation_id, direction, state, external_number, internal_number,
			    contact_id, contact_name, contact_type, contact_phone, target_id, target_name, target_type, target_phone,
			    dialpad_user_id, started_at, rang_at, connected_at, ended_at, duration_ms, total_duration_ms,
			    talk_time_ms, hold_time_ms, states_seen, is_active, answered, missed, has_voicemail, recorded,
			    is_internal, event_timestamp, raw_payload)
			select app_id, call_id, call_id, direction, state, external_number, internal_number,
			    contact_id, 'Contact ' || n7, 'local', external_number, target_id, 'Agent ' || t, 'user', internal_number,
			    target_id, started_at, started_at + interval '1 second', connected_at, ended_at,
			    duration_ms, duration_ms + 6000, case when answered then duration_ms else 0 end, 0,
			    case when active then array['ringing', 'connected'] when answered then array['ringing', 'connected', 'hangup']
			         else array['ringing', 'missed', 'hangup'] end,
			    active, answered, not answered and not active, voicemail, answered and g %% 4 = 0, false,
			    (extract(epoch from coalesce(ended_at, started_at)) * 1000)::bigint,
			    jsonb_build_object('call_id', call_id, 'master_call_id', null, 'state', state, 'direction', direction,
			        'external_number', external_number, 'internal_number', internal_number,
			        'date_started', (extract(epoch from started_at) * 1000)::bigint,
			        'date_connected', (extract(epoch from connected_at) * 1000)::bigint,
			        'date_ended', (extract(epoch from ended_at) * 1000)::bigint, 'duration', duration_ms,
			        'contact', jsonb_build_object('id', contact_id, 'name', 'Contact ' || n7, 'phone', external_number,
			            'type', 'local'),
			        'target', jsonb_build_object('id', target_id, 'name', 'Agent ' || t, 'type', 'user',
			            'phone', internal_number, 'office_id', 5500000000000001),
			        'group_id', 'Office:5500000000000001', 'labels', '[]'::jsonb, 'is_internal', false)
			from (
			  select g, app_id, call_id, n7, t, active, answered, voicemail, started_at, direction,
			         case when active then 'connected' else 'hangup' end as state,
			         '+1415' || lpad(n7::text, 7, '0') as external_number,
			         '+1628555' || lpad(t::text, 4, '0') as internal_number,
			         5700000000000000 + n7 as contact_id,
			         %d + t as target_id,
			         case when answered or active then started_at + interval '6 seconds' end as connected_at,
			         case when not active then started_at + interval '6 seconds' + (g %% 900) * interval '1 second' end
			             as ended_at,
			         case when active then 0 else (g %% 900) * 1000 end as duration_ms
			  from (
			    select g, (?::uuid[])[1 + (g %% ?)] as app_id, ? + g as call_id,
			           (g * 7919) %% 10000000 as n7, (g / ?) %% %d as t,
			           g >= ? as active, g %% 5 <> 0 as answered, g %% 10 = 0 as voicemail,
			           ?::timestamptz + g * ?::double precision * interval '1 millisecond' as started_at,
			           case when g %% 3 = 0 then 'outbound' else 'inbound' end as direction
			    from generate_series(?::bigint, ?::bigint) as g
			  ) base
			) s
			"""
		.formatted(FIRST_TARGET_ID, TARGETS_PER_APP);

	private CallDataset() {
	}

	/** Loads the calls and returns how long it took. */
	static Duration load(Connection connection, List<UUID> apps, long calls) throws SQLException {
		long started = System.nanoTime();
		connection.setAutoCommit(true);
		List<String[]> indexes = pairs(connection, """
				select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'calls'
				  and indexname not in (select conname from pg_constraint where conrelid = 'calls'::regclass)""");
		List<String[]> keys = pairs(connection, """
				select conname, pg_get_constraintdef(oid) from pg_constraint
				where conrelid = 'calls'::regclass and contype in ('p', 'u') order by contype""");
		List<String[]> dropped = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (String[] index : indexes) {
				statement.execute("drop index " + index[0]);
			}
			for (String[] key : keys) {
				try {
					statement.execute("alter table calls drop constraint " + key[0]);
					dropped.add(key);
				}
				catch (SQLException ex) {
					Log.info("  keeping constraint %s during the load: %s", key[0], ex.getMessage());
				}
			}
			statement.execute("set session_replication_role = replica");
			statement.execute("set maintenance_work_mem = '1GB'");
			insert(connection, apps, calls);
			statement.execute("set session_replication_role = origin");
		}
		finally {
			restore(connection, dropped, indexes);
		}
		try (Statement statement = connection.createStatement()) {
			Log.info("  vacuum analyze calls");
			statement.execute("vacuum analyze calls");
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static void insert(Connection connection, List<UUID> apps, long calls) throws SQLException {
		Instant start = Instant.now().minus(Duration.ofDays(365));
		double spacingMillis = Duration.ofDays(365).toMillis() / (double) calls;
		long activeFrom = calls - (long) ACTIVE_PER_APP * apps.size();
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			for (long from = 0; from < calls; from += CHUNK) {
				long to = Math.min(calls, from + CHUNK) - 1;
				insert.setArray(1, connection.createArrayOf("uuid", apps.toArray()));
				insert.setInt(2, apps.size());
				insert.setLong(3, FIRST_CALL_ID);
				insert.setInt(4, apps.size());
				insert.setLong(5, activeFrom);
				insert.setTimestamp(6, Timestamp.from(start));
				insert.setDouble(7, spacingMillis);
				insert.setLong(8, from);
				insert.setLong(9, to);
				insert.executeUpdate();
				Log.info("  %,d of %,d calls inserted", to + 1, calls);
			}
		}
	}

	private static void restore(Connection connection, List<String[]> keys, List<String[]> indexes)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set maintenance_work_mem = '1GB'");
			for (String[] key : keys) {
				Log.info("  restoring %s", key[0]);
				statement.execute("alter table calls add constraint " + key[0] + " " + key[1]);
			}
			for (String[] index : indexes) {
				Log.info("  %s", index[1]);
				statement.execute(index[1]);
			}
		}
	}

	private static List<String[]> pairs(Connection connection, String sql) throws SQLException {
		List<String[]> pairs = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				pairs.add(new String[] { rows.getString(1), rows.getString(2) });
			}
		}
		return pairs;
	}

	/** The agent (target) id that the filtered list asks for, for an app. */
	static long targetFor(int appIndex) {
		return FIRST_TARGET_ID + (appIndex % TARGETS_PER_APP);
	}

}
