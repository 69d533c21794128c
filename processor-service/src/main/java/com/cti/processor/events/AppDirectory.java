package com.cti.processor.events;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides which app an event belongs to: the app its URL named when that app exists, or
 * the only app when the URL named none and there is exactly one. Anything else is
 * unattributed (parked for an admin).
 */
@Component
class AppDirectory {

	private final JdbcClient jdbc;

	private final Set<UUID> known = ConcurrentHashMap.newKeySet();

	AppDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> attribute(@Nullable String claimedAppId) {
		if (claimedAppId == null || claimedAppId.isBlank()) {
			List<UUID> apps = this.jdbc.sql("select id from apps limit 2").query(UUID.class).list();
			return (apps.size() == 1) ? Optional.of(apps.get(0)) : Optional.empty();
		}
		UUID appId = parse(claimedAppId);
		if (appId == null) {
			return Optional.empty();
		}
		if (this.known.contains(appId) || exists(appId)) {
			this.known.add(appId);
			return Optional.of(appId);
		}
		return Optional.empty();
	}

	private boolean exists(UUID appId) {
		return this.jdbc.sql("select count(*) from apps where id = :id")
			.param("id", appId)
			.query(Integer.class)
			.single() > 0;
	}

	private static @Nullable UUID parse(String value) {
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
