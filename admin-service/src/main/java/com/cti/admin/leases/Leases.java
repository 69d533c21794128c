package com.cti.admin.leases;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Named leases in {@code admin_leases}: what serializes work across admin instances
 * without holding a transaction, a row lock or a connection while the work waits for
 * Dialpad or Kafka. Taking and releasing a lease are single statements of their own; a
 * lease whose holder died expires after its time to live.
 */
@Component
public class Leases {

	private static final Logger logger = LoggerFactory.getLogger(Leases.class);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private final JdbcClient jdbc;

	Leases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the lease, waiting up to {@code wait} while another holder has it.
	 * @return the lease, or empty when it stayed taken for the whole wait
	 */
	public Optional<Lease> acquire(String name, Duration timeToLive, Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		Optional<Lease> lease = tryAcquire(name, timeToLive);
		while (lease.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
			lease = tryAcquire(name, timeToLive);
		}
		return lease;
	}

	/** Takes the lease if nobody holds it (or its holder's time ran out). */
	public Optional<Lease> tryAcquire(String name, Duration timeToLive) {
		// inside a transaction the lease would be invisible to others until the commit,
		// and
		// the insert would wait for another transaction's uncommitted lease
		Assert.state(!TransactionSynchronizationManager.isActualTransactionActive(),
				"A lease is taken outside any transaction");
		UUID token = UUID.randomUUID();
		int taken = this.jdbc.sql("""
				insert into admin_leases (name, token, expires_at)
				values (:name, :token, now() + make_interval(secs => :seconds))
				on conflict (name) do update set token = excluded.token, expires_at = excluded.expires_at
				where admin_leases.expires_at < now()
				""")
			.param("name", name)
			.param("token", token)
			.param("seconds", timeToLive.toMillis() / 1000.0)
			.update();
		return (taken == 1) ? Optional.of(new Lease(name, token)) : Optional.empty();
	}

	/** A lease held; closing it releases it. */
	public final class Lease implements AutoCloseable {

		private final String name;

		private final UUID token;

		private Lease(String name, UUID token) {
			this.name = name;
			this.token = token;
		}

		@Override
		public void close() {
			try {
				Leases.this.jdbc.sql("delete from admin_leases where name = :name and token = :token")
					.param("name", this.name)
					.param("token", this.token)
					.update();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not release lease {} (it expires by itself): {}", this.name, ex.toString());
			}
		}

	}

}
