package com.cti.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Each service's own migrations on one schema: a fresh database comes out the same
 * whichever service migrates first, and a database of the shared scripts of before
 * ({@code db/legacy}, V1 to V7) is taken over by each service without losing a row.
 */
class SchemaMigrationTests {

	private static final List<String> OWNERS = List.of("admin", "processor", "query");

	@Test
	void aFreshDatabaseComesOutTheSameWhicheverServiceMigratesFirst() {
		String adminFirst = TestPostgres.newDatabase();
		TestSchemas.migrate(adminFirst, "admin", "processor", "query");
		String processorFirst = TestPostgres.newDatabase();
		TestSchemas.migrate(processorFirst, "processor", "query", "admin");
		String queryFirst = TestPostgres.newDatabase();
		TestSchemas.migrate(queryFirst, "query", "admin", "processor");

		List<String> catalog = catalog(adminFirst);
		assertThat(catalog(processorFirst)).isEqualTo(catalog);
		assertThat(catalog(queryFirst)).isEqualTo(catalog);
		assertThat(tables(adminFirst)).containsExactlyInAnyOrder("apps", "api_keys", "api_key_audit",
				"dialpad_webhooks", "dialpad_subscriptions", "dialpad_oauth_tokens", "dialpad_oauth_states",
				"user_mappings", "admin_leases", "admin_outbox", "webhook_events", "calls", "messages", "voicemails",
				"change_events", "app_purges", "api_key_usage", "flyway_history_admin", "flyway_history_processor",
				"flyway_history_query");
		assertThat(foreignKeys(adminFirst)).containsExactlyInAnyOrder("api_keys -> apps", "api_key_audit -> apps",
				"api_key_audit -> api_keys", "dialpad_webhooks -> apps", "dialpad_subscriptions -> apps",
				"dialpad_subscriptions -> dialpad_webhooks", "dialpad_oauth_tokens -> apps",
				"dialpad_oauth_states -> apps", "user_mappings -> apps", "webhook_events -> webhook_events");
		assertThat(columns(adminFirst, "apps")).doesNotContain("purged_at");
	}

	@Test
	void eachServiceTakesOverItsTablesFromTheSharedScriptsOfBefore() {
		String database = legacyDatabase("7");
		UUID app = UUID.randomUUID();
		UUID purged = UUID.randomUUID();
		UUID key = UUID.randomUUID();
		JdbcClient jdbc = jdbc(database);
		jdbc.sql("insert into apps (id, name) values (:a, 'kept'), (:p, 'purged')")
			.param("a", app)
			.param("p", purged)
			.update();
		jdbc.sql("update apps set purge_requested_at = '2026-01-02T03:04:05Z', purged_at = '2026-01-02T03:04:06Z'"
				+ " where id = :p")
			.param("p", purged)
			.update();
		jdbc.sql("insert into api_keys (id, app_id, prefix, key_hash) values (:k, :a, 'cti_x', '\\x01')")
			.param("k", key)
			.param("a", app)
			.update();
		jdbc.sql("insert into api_key_usage (key_id, last_used_at) values (:k, now())").param("k", key).update();
		jdbc.sql("""
				insert into calls (app_id, call_id, conversation_id, event_timestamp, raw_payload)
				values (:a, 1, 1, 1700000000000, '{}')
				""").param("a", app).update();
		List<String> rowsBefore = rows(database);

		for (String owner : OWNERS) {
			TestSchemas.migrate(database, owner);
		}

		for (String owner : OWNERS) {
			assertThat(jdbc.sql("select version from flyway_history_" + owner + " where type = 'BASELINE'")
				.query(String.class)
				.list()).containsExactly("1");
		}
		assertThat(rows(database)).isEqualTo(rowsBefore);
		assertThat(jdbc.sql("select app_id, purged_at::text from app_purges")
			.query((rs, row) -> rs.getObject(1, UUID.class) + " " + rs.getString(2))
			.list()).containsExactly(purged + " 2026-01-02 03:04:06+00");
		String fresh = TestPostgres.newDatabase();
		TestSchemas.migrate(fresh, "admin", "processor", "query");
		// the one difference: the column the processor wrote before, now unused
		List<String> upgraded = new ArrayList<>(catalog(database));
		assertThat(upgraded.removeIf((line) -> line.startsWith("column apps.purged_at "))).isTrue();
		assertThat(upgraded).isEqualTo(catalog(fresh));

		List<String> history = history(database);
		for (String owner : OWNERS) {
			TestSchemas.migrate(database, owner);
		}
		assertThat(history(database)).isEqualTo(history);
	}

	@Test
	void twoInstancesTakingOverTogetherBaselineOnce() {
		String database = legacyDatabase("7");

		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> TestSchemas.migrate(database, "processor"));
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> TestSchemas.migrate(database, "processor"));
		CompletableFuture.allOf(first, second).join();

		assertThat(jdbc(database).sql("select type, version from flyway_history_processor order by installed_rank")
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2))
			.list()).containsExactly("BASELINE 1", "SQL 2");
	}

	@Test
	void refusesADatabaseOfTheSharedScriptsBeforeTheirLastVersion() {
		String database = legacyDatabase("6");

		assertThatIllegalStateException().isThrownBy(() -> TestSchemas.migrate(database, "admin"))
			.withMessageContaining("up to version 6")
			.withMessageContaining("only from version 7");
		assertThat(tables(database)).doesNotContain("flyway_history_admin", "admin_outbox");
	}

	private static String legacyDatabase(String target) {
		String database = TestPostgres.newDatabase();
		Flyway.configure()
			.dataSource(database, "postgres", "")
			.locations("classpath:db/legacy")
			.target(target)
			.load()
			.migrate();
		return database;
	}

	/**
	 * Columns, constraints, indexes and sequences of the schema, history tables left out.
	 */
	private static List<String> catalog(String database) {
		return jdbc(database).sql("""
				select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
				       || case when a.attnotnull then ' not null' else '' end
				       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
				       || case when a.attgenerated <> '' then ' generated' else '' end
				       || case when a.attidentity <> '' then ' identity' else '' end
				from pg_attribute a
				join pg_class c on c.oid = a.attrelid and c.relkind = 'r'
				join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
				left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
				where a.attnum > 0 and not a.attisdropped and c.relname not like 'flyway%'
				union all
				select 'constraint ' || c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
				from pg_constraint c join pg_namespace n on n.oid = c.connamespace and n.nspname = current_schema()
				where c.conrelid::regclass::text not like 'flyway%'
				union all
				select 'index ' || indexdef from pg_indexes
				where schemaname = current_schema() and tablename not like 'flyway%'
				union all
				select 'sequence ' || sequence_name || ' ' || data_type from information_schema.sequences
				where sequence_schema = current_schema()
				order by 1
				""").query(String.class).list();
	}

	private static List<String> tables(String database) {
		return jdbc(database).sql("select table_name from information_schema.tables where table_schema = 'public'")
			.query(String.class)
			.list();
	}

	private static List<String> columns(String database, String table) {
		return jdbc(database).sql("select column_name from information_schema.columns where table_name = :t")
			.param("t", table)
			.query(String.class)
			.list();
	}

	private static List<String> foreignKeys(String database) {
		return jdbc(database).sql("""
				select conrelid::regclass || ' -> ' || confrelid::regclass from pg_constraint where contype = 'f'
				""").query(String.class).list();
	}

	private static List<String> rows(String database) {
		return jdbc(database).sql("""
				select 'apps ' || id || ' ' || name || ' ' || coalesce(purge_requested_at::text, '-') from apps
				union all select 'api_keys ' || id || ' ' || app_id from api_keys
				union all select 'api_key_usage ' || key_id from api_key_usage
				union all select 'calls ' || app_id || ' ' || call_id from calls
				order by 1
				""").query(String.class).list();
	}

	private static List<String> history(String database) {
		return jdbc(database).sql("""
				select 'admin ' || installed_rank || ' ' || coalesce(version, '') from flyway_history_admin
				union all select 'processor ' || installed_rank || ' ' || coalesce(version, '')
				from flyway_history_processor
				union all select 'query ' || installed_rank || ' ' || coalesce(version, '') from flyway_history_query
				order by 1
				""").query(String.class).list();
	}

	private static JdbcClient jdbc(String database) {
		return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), database, "postgres", ""));
	}

}
