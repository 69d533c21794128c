package com.cti.admin.dialpad;

import java.time.Duration;
import java.util.UUID;

import com.cti.admin.leases.Leases;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only look-up of apps (written by the apps feature) for the Dialpad features: an
 * unknown app is a 404 problem, a disabled one a 409. Also the claim that serializes
 * changes to one app's Dialpad set-up.
 */
@Component
public class KnownApps {

	// longer than the slowest set-up (a few Dialpad calls with their retries, then Kafka)
	private static final Duration SETUP_CLAIM = Duration.ofMinutes(5);

	private static final Duration SETUP_WAIT = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final Leases leases;

	KnownApps(JdbcClient jdbc, Leases leases) {
		this.jdbc = jdbc;
		this.leases = leases;
	}

	/** Fails unless the app exists. */
	public void requireExisting(UUID appId) {
		enabled(appId);
	}

	/** Fails unless the app exists and is enabled. */
	public void requireEnabled(UUID appId) {
		if (!enabled(appId)) {
			throw ProvisioningProblems.conflict("app-disabled", "App disabled",
					"App " + appId + " is disabled: enable it before changing its Dialpad set-up");
		}
	}

	/**
	 * Claims the app's Dialpad set-up until the claim is closed: two concurrent changes
	 * must not both create a webhook or a subscription at Dialpad. A second change of the
	 * same app waits for the first; the claim is a lease row, not a lock of an open
	 * transaction, so nothing holds a database connection meanwhile. Taken outside any
	 * transaction.
	 */
	public Leases.Lease claimDialpadSetup(UUID appId) {
		return this.leases.acquire("dialpad-setup:" + appId, SETUP_CLAIM, SETUP_WAIT).orElseThrow(() -> {
			var problem = ProvisioningProblems.of(HttpStatus.CONFLICT, "dialpad-setup-busy", "Set-up under way",
					"Another change of app " + appId + "'s Dialpad set-up is still under way; try again shortly");
			problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
			return problem;
		});
	}

	private boolean enabled(UUID appId) {
		return this.jdbc.sql("select enabled from apps where id = :id")
			.param("id", appId)
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> ProvisioningProblems.notFound("app-not-found", "App not found",
					"There is no app with id " + appId));
	}

}
