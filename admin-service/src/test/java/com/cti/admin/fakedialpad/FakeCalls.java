package com.cti.admin.fakedialpad;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dialpad's {@code GET /api/v2/call}: concluded calls only, newest first, filtered by
 * {@code started_after}/{@code started_before} (ms, exclusive) and target, cursor paged.
 */
final class FakeCalls {

	private final List<ObjectNode> calls = new ArrayList<>();

	synchronized FakeResponse list(FakeRequest request, int pageSize) {
		Long after;
		Long before;
		try {
			after = number(request.param("started_after"));
			before = number(request.param("started_before"));
		}
		catch (NumberFormatException ex) {
			return FakeResponse.error(400, "started_after and started_before are ms since the epoch");
		}
		String targetId = request.param("target_id");
		String targetType = request.param("target_type");
		List<ObjectNode> matching = this.calls.stream()
			.filter((call) -> call.has("date_ended") && !call.get("date_ended").isNull())
			.filter((call) -> after == null || started(call) > after)
			.filter((call) -> before == null || started(call) < before)
			.filter((call) -> targetId == null || targetId.equals(call.path("target").path("id").asString("")))
			.filter((call) -> targetType == null || targetType.equals(call.path("target").path("type").asString("")))
			.sorted(Comparator.comparingLong(FakeCalls::started).reversed())
			.toList();
		FakeResponse page = FakePaging.page(matching, request.param("cursor"), pageSize, (call) -> call);
		return (page != null) ? page : FakeResponse.error(400, "Invalid cursor");
	}

	private static long started(JsonNode call) {
		JsonNode started = call.get("date_started");
		return (started == null || started.isNull()) ? 0
				: (started.isNumber() ? started.longValue() : Long.parseLong(started.asString()));
	}

	private static @Nullable Long number(@Nullable String value) {
		return (value == null) ? null : Long.parseLong(value);
	}

	synchronized void add(ObjectNode call) {
		this.calls.add(call);
	}

	synchronized List<ObjectNode> all() {
		return List.copyOf(this.calls);
	}

	synchronized void clear() {
		this.calls.clear();
	}

}
