package com.cti.query.stream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the streams when changes are committed: LISTENs on channel {@code cti_changes}
 * (the processor notifies it once per app per batch) on a connection of its own, outside
 * the pool, and also scans every poll interval in case the connection is down or a
 * notification was missed. While a gap in the change ids is open it scans every few
 * milliseconds until the gap closes.
 */
@Component
class ChangeListener implements SmartLifecycle {

	static final String CHANNEL = "cti_changes";

	private static final Logger logger = LoggerFactory.getLogger(ChangeListener.class);

	private static final int GAP_POLL_MILLIS = 20;

	private final ChangeFeed feed;

	private final StreamRegistry registry;

	private final StreamProperties properties;

	private final DataSourceProperties dataSource;

	private volatile boolean running;

	private @Nullable Thread thread;

	private volatile @Nullable Connection connection;

	ChangeListener(ChangeFeed feed, StreamRegistry registry, StreamProperties properties,
			DataSourceProperties dataSource) {
		this.feed = feed;
		this.registry = registry;
		this.properties = properties;
		this.dataSource = dataSource;
	}

	@Override
	public void start() {
		this.running = true;
		Thread listener = new Thread(this::run, "cti-query-changes");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
	}

	private void run() {
		long failures = 0;
		while (this.running) {
			try {
				waitForNotification();
				Set<UUID> apps = this.feed.scan();
				if (!this.running) {
					return;
				}
				this.registry.signal(apps);
				failures = 0;
			}
			catch (RuntimeException | SQLException ex) {
				if (!this.running) {
					return;
				}
				failures++;
				if (failures == 1 || failures % 100 == 0) {
					logger.warn("Looking for changes failed ({} time(s) in a row); retrying: {}", failures,
							ex.toString());
				}
				closeConnection();
				LockSupport.parkNanos(Duration.ofMillis(Math.min(5000, 100 * failures)).toNanos());
			}
		}
	}

	/**
	 * Returns when a notification came, the poll interval passed, or LISTEN has just been
	 * set up (changes committed before it would have no notification).
	 */
	private void waitForNotification() throws SQLException {
		int wait = this.feed.hasGaps() ? GAP_POLL_MILLIS : (int) this.properties.pollInterval().toMillis();
		Connection listening = this.connection;
		if (listening != null) {
			listening.unwrap(PGConnection.class).getNotifications(wait);
		}
		else if (listen() == null) {
			LockSupport.parkNanos(Duration.ofMillis(wait).toNanos());
		}
	}

	private @Nullable Connection listen() {
		try {
			Connection opened = DriverManager.getConnection(this.dataSource.determineUrl(),
					this.dataSource.determineUsername(), this.dataSource.determinePassword());
			try (Statement statement = opened.createStatement()) {
				statement.execute("listen " + CHANNEL);
			}
			this.connection = opened;
			return opened;
		}
		catch (SQLException ex) {
			logger.warn("Cannot LISTEN for changes ({}); polling every {} until it works", ex.toString(),
					this.properties.pollInterval());
			return null;
		}
	}

	private void closeConnection() {
		Connection current = this.connection;
		this.connection = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (SQLException ex) {
				// it is being replaced
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		closeConnection();
		Thread listener = this.thread;
		if (listener != null) {
			LockSupport.unpark(listener);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
