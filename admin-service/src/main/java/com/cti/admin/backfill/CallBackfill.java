package com.cti.admin.backfill;

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
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recovers calls whose webhooks were lost: reads the app's concluded calls from Dialpad
 * ({@code GET /api/v2/call}, every page) and hands those missing from {@code calls} to
 * the ingest service's internal intake, each as Dialpad returned it. Ingest makes each a
 * call event as it makes webhooks (key, content hash, durable delivery), so an event the
 * processor already has is recognised as a duplicate and a repeated backfill is safe. No
 * transaction is held: the one query runs on its own, Dialpad and ingest are called
 * outside any.
 */
@Service
class CallBackfill {

	private final DialpadClient dialpad;

	private final DialpadAccess access;

	private final KnownApps apps;

	private final IngestClient ingest;

	private final JdbcClient jdbc;

	CallBackfill(DialpadClient dialpad, DialpadAccess access, KnownApps apps, IngestClient ingest, JdbcClient jdbc) {
		this.dialpad = dialpad;
		this.access = access;
		this.apps = apps;
		this.ingest = ingest;
		this.jdbc = jdbc;
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
						this.ingest.publish(appId, missing.stream().map(calls::get).toList());
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

	/**
	 * The call's id, given as a number or a string of digits (as ingest's intake takes
	 * it); null when it has none usable.
	 */
	private static @Nullable Long callId(JsonNode call) {
		String text = text(call, "call_id");
		if (text == null || !text.matches("[0-9]{1,19}")) {
			return null;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A field's text: a number in its JSON form. */
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
	 * @param published missing calls handed to the pipeline (durable at ingest)
	 * @param skipped items without a usable {@code call_id}
	 */
	record BackfillResult(boolean success, UUID appId, Instant from, Instant to, boolean dryRun, int pages, int seen,
			int present, int missing, int published, int skipped) {
	}

}
