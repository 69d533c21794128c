package com.cti.admin.backfill;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.cti.admin.dialpad.DialpadClient;
import com.cti.admin.dialpad.KnownApps;
import com.cti.admin.oauth.DialpadAccess;
import com.cti.model.ContentHash;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recovers calls whose webhooks were lost: reads the app's concluded calls from Dialpad
 * ({@code GET /api/v2/call}, every page) and publishes those missing from {@code calls}
 * as if ingest had received them, each as one call event with the call as Dialpad
 * returned it. The content hash is the one ingest computes, so an event the processor
 * already has is recognised as a duplicate.
 */
@Service
class CallBackfill {

	private final DialpadClient dialpad;

	private final DialpadAccess access;

	private final KnownApps apps;

	private final BackfillPublisher publisher;

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	CallBackfill(DialpadClient dialpad, DialpadAccess access, KnownApps apps, BackfillPublisher publisher,
			JdbcClient jdbc, Clock clock) {
		this.dialpad = dialpad;
		this.access = access;
		this.apps = apps;
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.clock = clock;
		this.jsonMapper = JsonMapper.shared();
	}

	BackfillResult backfill(UUID appId, BackfillRange range, boolean dryRun) {
		this.apps.requireEnabled(appId);
		var counts = new Counts();
		Set<Long> handled = new HashSet<>();
		this.dialpad.forEachCallPage(this.access.credentialsFor(appId), range.from().toEpochMilli(),
				range.to().toEpochMilli(), (page) -> {
					counts.pages++;
					Map<Long, JsonNode> calls = new LinkedHashMap<>();
					for (JsonNode call : page) {
						Long callId = callId(call);
						if (callId == null) {
							counts.skipped++;
						}
						else if (handled.add(callId)) {
							calls.put(callId, call);
						}
					}
					counts.seen += calls.size();
					List<Long> missing = missing(appId, calls.keySet());
					counts.missing += missing.size();
					if (!dryRun && !missing.isEmpty()) {
						this.publisher
							.publish(missing.stream().map((id) -> envelope(appId, id, calls.get(id))).toList());
						counts.published += missing.size();
					}
				});
		return new BackfillResult(true, appId, range.from(), range.to(), dryRun, counts.pages, counts.seen,
				counts.seen - counts.missing, counts.missing, counts.published, counts.skipped);
	}

	private List<Long> missing(UUID appId, Set<Long> callIds) {
		if (callIds.isEmpty()) {
			return List.of();
		}
		Set<Long> present = new HashSet<>(
				this.jdbc.sql("select call_id from calls where app_id = :app and call_id in (:ids)")
					.param("app", appId)
					.param("ids", callIds)
					.query(Long.class)
					.list());
		List<Long> missing = new ArrayList<>(callIds);
		missing.removeAll(present);
		return missing;
	}

	private BackfillPublisher.Keyed envelope(UUID appId, long callId, JsonNode call) {
		String state = text(call, "state");
		String contentHash = ContentHash.ofCall(text(call, "call_id"), (state != null) ? state : "hangup",
				text(call, "event_timestamp"));
		var event = new DialpadEventReceived(UUID.randomUUID(), appId.toString(), EventKind.CALL, this.clock.instant(),
				this.jsonMapper.writeValueAsString(call), contentHash, DialpadEventReceived.CURRENT_SCHEMA_VERSION);
		return new BackfillPublisher.Keyed(Long.toString(callId), event);
	}

	/** The call's id, given as a number or a string; null when it has none usable. */
	private static @Nullable Long callId(JsonNode call) {
		String text = text(call, "call_id");
		if (text == null) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A field as ingest reads it for the content hash: numbers in their JSON form. */
	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isNumber() ? value.numberValue().toString() : value.asString();
	}

	private static final class Counts {

		int pages;

		int seen;

		int missing;

		int published;

		int skipped;

	}

	/**
	 * What a backfill found and did.
	 *
	 * @param success always true (a failure is a problem)
	 * @param appId the app
	 * @param from the start of the period
	 * @param to the end of the period
	 * @param dryRun whether nothing was published
	 * @param pages pages read from Dialpad
	 * @param seen distinct calls Dialpad listed
	 * @param present calls already in {@code calls}
	 * @param missing calls not in {@code calls}
	 * @param published missing calls published to the pipeline
	 * @param skipped items without a usable {@code call_id}
	 */
	record BackfillResult(boolean success, UUID appId, Instant from, Instant to, boolean dryRun, int pages, int seen,
			int present, int missing, int published, int skipped) {
	}

}
