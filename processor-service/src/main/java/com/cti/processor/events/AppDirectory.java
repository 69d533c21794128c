package com.cti.processor.events;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * unattributed (parked for an admin). Answers for a whole batch with at most two queries.
 */
@Component
class AppDirectory {

	private final JdbcClient jdbc;

	private final Set<UUID> known = ConcurrentHashMap.newKeySet();

	AppDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Attributes every claimed app id of a batch. */
	Attribution attribute(Collection<@Nullable String> claimedAppIds) {
		Set<UUID> unknown = new HashSet<>();
		boolean anyUnnamed = false;
		for (String claimed : claimedAppIds) {
			UUID appId = parse(claimed);
			if (claimed == null || claimed.isBlank()) {
				anyUnnamed = true;
			}
			else if (appId != null && !this.known.contains(appId)) {
				unknown.add(appId);
			}
		}
		if (!unknown.isEmpty()) {
			this.known.addAll(this.jdbc.sql("select id from apps where id = any(:ids)")
				.param("ids", unknown.toArray(UUID[]::new))
				.query(UUID.class)
				.list());
		}
		Optional<UUID> onlyApp = anyUnnamed ? onlyApp() : Optional.empty();
		Map<String, Optional<UUID>> byClaim = new HashMap<>();
		for (String claimed : claimedAppIds) {
			if (claimed != null && !claimed.isBlank()) {
				UUID appId = parse(claimed);
				byClaim.put(claimed,
						(appId != null && this.known.contains(appId)) ? Optional.of(appId) : Optional.empty());
			}
		}
		return (claimed) -> (claimed == null || claimed.isBlank()) ? onlyApp
				: byClaim.getOrDefault(claimed, Optional.empty());
	}

	/** The apps among these whose data is purged or being purged, in one query. */
	Set<UUID> purged(Collection<UUID> appIds) {
		if (appIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				this.jdbc.sql("select id from apps where id = any(:ids) and purge_requested_at is not null")
					.param("ids", appIds.toArray(UUID[]::new))
					.query(UUID.class)
					.list());
	}

	private Optional<UUID> onlyApp() {
		List<UUID> apps = this.jdbc.sql("select id from apps limit 2").query(UUID.class).list();
		return (apps.size() == 1) ? Optional.of(apps.get(0)) : Optional.empty();
	}

	private static @Nullable UUID parse(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The app of each claimed app id of one batch. */
	@FunctionalInterface
	interface Attribution {

		Optional<UUID> appOf(@Nullable String claimedAppId);

	}

}
