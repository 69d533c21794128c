package com.cti.admin.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * What is held in the test database at one moment, as the pool and PostgreSQL itself
 * tell: connections checked out of the admin's Hikari pool, sessions of the test database
 * inside an open transaction, and advisory locks. PostgreSQL is asked on a connection of
 * its own (not one of the pool), so that asking holds nothing of the pool.
 */
public final class HeldConnections {

	private static final String HELD = """
			select a.state, a.query from pg_stat_activity a
			where a.datname = current_database() and a.pid <> pg_backend_pid() and a.state like 'idle in transaction%'
			union all
			select 'advisory lock', 'pid ' || l.pid || ' holds ' || l.classid || '/' || l.objid from pg_locks l
			join pg_database d on d.oid = l.database
			where l.locktype = 'advisory' and l.granted and d.datname = current_database()
			""";

	private HeldConnections() {
	}

	/** What is held now. */
	public static Sample sample(DataSource pool) {
		int active;
		try {
			active = pool.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The admin's pool is not a Hikari pool", ex);
		}
		List<String> held = new ArrayList<>();
		try (Connection probe = DriverManager.getConnection(AdminTestDatabase.url(), "postgres", "");
				Statement statement = probe.createStatement();
				ResultSet rows = statement.executeQuery(HELD)) {
			while (rows.next()) {
				held.add(rows.getString(1) + ": " + rows.getString(2));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not ask PostgreSQL what is held", ex);
		}
		return new Sample(active, List.copyOf(held));
	}

	/**
	 * One look.
	 *
	 * @param poolActive connections checked out of the admin's pool
	 * @param held sessions in an open transaction (with their last statement) and
	 * advisory locks
	 */
	public record Sample(int poolActive, List<String> held) {

		/** Whether nothing at all is held. */
		public boolean nothingHeld() {
			return this.poolActive == 0 && this.held.isEmpty();
		}

	}

}
