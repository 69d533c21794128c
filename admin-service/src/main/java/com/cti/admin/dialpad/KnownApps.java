package com.cti.admin.dialpad;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only look-up of apps (written by the apps feature) for the Dialpad features: an
 * unknown app is a 404 problem, a disabled one a 409. Also the lock that serializes
 * changes to one app's Dialpad set-up.
 */
@Component
public class KnownApps {

	private final JdbcClient jdbc;

	KnownApps(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
	 * Serializes changes to one app's Dialpad set-up until the transaction ends: two
	 * concurrent calls must not both create a webhook or a subscription at Dialpad.
	 */
	public void lockDialpadSetup(UUID appId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "cti-dialpad-setup:" + appId)
			.query((rs, row) -> Boolean.TRUE)
			.list();
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
