package com.cti.processor.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.cti.model.DialpadEventReceived;
import com.cti.model.EventKind;
import com.cti.processor.changes.ChangeEventRepository;
import com.cti.processor.events.Projections.ProjectableEvent;
import com.cti.processor.merge.CanonicalJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.log.LogAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of events in one transaction: records each new event in the raw log,
 * updates the projections and the change feed, so that an event is marked processed
 * exactly when its projection is committed.
 */
@Service
class EventBatchService {

	private static final LogAccessor logger = new LogAccessor(EventBatchService.class);

	private final WebhookEventRepository eventRepository;

	private final AppDirectory appDirectory;

	private final AppLocks appLocks;

	private final Projections projections;

	private final ChangeEventRepository changeEvents;

	private final JsonMapper jsonMapper;

	private final Counter droppedEvents;

	EventBatchService(WebhookEventRepository eventRepository, AppDirectory appDirectory, AppLocks appLocks,
			Projections projections, ChangeEventRepository changeEvents, JsonMapper jsonMapper,
			MeterRegistry meterRegistry) {
		this.droppedEvents = Counter.builder("cti.processor.events.dropped")
			.description("Events dropped because their app's data is purged")
			.tag("reason", "app_purged")
			.register(meterRegistry);
		this.eventRepository = eventRepository;
		this.appDirectory = appDirectory;
		this.appLocks = appLocks;
		this.projections = projections;
		this.changeEvents = changeEvents;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Records the events and poison records that are not recorded yet and projects the
	 * new attributed events, in one transaction.
	 * @return the events recorded now (not the poison records, nor the events recorded
	 * before), once the transaction has committed
	 */
	@Transactional
	List<StoredEvent> apply(List<IncomingEvent> events, List<PoisonEvent> poisons) {
		if (events.isEmpty() && poisons.isEmpty()) {
			return List.of();
		}
		AppDirectory.Attribution attribution = this.appDirectory
			.attribute(events.stream().map((event) -> event.envelope().appId()).toList());
		Map<String, Prepared> unique = new LinkedHashMap<>();
		List<Replay> replays = new ArrayList<>();
		for (IncomingEvent event : events) {
			Prepared prepared = prepare(event, attribution.appOf(event.envelope().appId()));
			unique.putIfAbsent(prepared.stored().appId() + "/" + prepared.stored().contentHash(), prepared);
			if (event.replayOf() != null && prepared.stored().appId() != null) {
				replays.add(new Replay(event.replayOf(), prepared.stored().appId(), prepared.stored().contentHash()));
			}
		}
		List<Prepared> batch = new ArrayList<>(unique.values());
		List<UUID> appIds = batch.stream()
			.map((prepared) -> prepared.stored().appId())
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		this.appLocks.lock(appIds);
		dropEventsOfPurgedApps(batch, replays, this.appDirectory.purged(appIds));
		List<StoredEvent> toStore = new ArrayList<>(batch.size() + poisons.size());
		batch.forEach((prepared) -> toStore.add(prepared.stored()));
		poisons.forEach((poison) -> toStore.add(poison.stored()));
		Set<UUID> inserted = this.eventRepository.insertNew(toStore);
		this.eventRepository.resolve(replays);
		List<ProjectableEvent> toProject = new ArrayList<>();
		for (Prepared prepared : batch) {
			if (prepared.projectable() != null && inserted.contains(prepared.stored().id())) {
				toProject.add(prepared.projectable());
			}
		}
		this.changeEvents.record(this.projections.project(toProject));
		return batch.stream().map(Prepared::stored).filter((stored) -> inserted.contains(stored.id())).toList();
	}

	/**
	 * Events of an app whose data is purged (or being purged) must not bring it back:
	 * they are neither recorded nor projected. Checked under the app's lock, so a purge
	 * either comes after this batch (and deletes what it wrote) or before it (and this
	 * sees the request).
	 */
	private void dropEventsOfPurgedApps(List<Prepared> batch, List<Replay> replays, Set<UUID> purged) {
		if (purged.isEmpty()) {
			return;
		}
		int before = batch.size();
		batch.removeIf((prepared) -> purged.contains(prepared.stored().appId()));
		replays.removeIf((replay) -> purged.contains(replay.appId()));
		int dropped = before - batch.size();
		this.droppedEvents.increment(dropped);
		logger.debug(() -> "Dropped " + dropped + " events of purged apps " + purged);
	}

	private Prepared prepare(IncomingEvent incoming, Optional<UUID> appId) {
		DialpadEventReceived event = incoming.envelope();
		JsonNode payload = parse(event.payload());
		Long resourceId = resourceId(event.kind(), payload);
		String error = problemWith(event.kind(), payload, resourceId);
		boolean processed = appId.isPresent() && error == null;
		var stored = new StoredEvent(incoming.storedId(), appId.orElse(null), event.appId(), event.kind().wireName(),
				resourceId, text(payload, (event.kind() == EventKind.SMS) ? "message_status" : "state"),
				number(payload, "event_timestamp"), event.contentHash(), withoutNul(event.payload()),
				event.schemaVersion(), event.receivedAt(), processed, error);
		ProjectableEvent projectable = null;
		if (processed && payload != null && resourceId != null && Projections.isProjected(event.kind())) {
			projectable = new ProjectableEvent(appId.get(), event.kind(), resourceId, payload,
					CanonicalJson.storable(event.payload(), payload));
		}
		return new Prepared(stored, projectable);
	}

	/** Why an event cannot be applied, or null when it can. */
	private static @Nullable String problemWith(EventKind kind, @Nullable JsonNode payload, @Nullable Long resourceId) {
		if (payload == null) {
			return "payload is not a JSON object";
		}
		if (kind == EventKind.CALL && resourceId == null) {
			return "call event without a numeric call_id";
		}
		if (kind == EventKind.SMS && resourceId == null) {
			return "SMS event without a numeric id";
		}
		return null;
	}

	private @Nullable JsonNode parse(String payload) {
		try {
			JsonNode node = this.jsonMapper.readTree(payload);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable Long resourceId(EventKind kind, @Nullable JsonNode payload) {
		return switch (kind) {
			case CALL -> number(payload, "call_id");
			case SMS -> number(payload, "id");
			default -> null;
		};
	}

	private static @Nullable Long number(@Nullable JsonNode payload, String field) {
		JsonNode node = (payload != null) ? payload.get(field) : null;
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (!node.isString()) {
			return null;
		}
		try {
			return Long.parseLong(node.asString().trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode payload, String field) {
		JsonNode node = (payload != null) ? payload.get(field) : null;
		return (node != null && node.isValueNode() && !node.isNull()) ? withoutNul(node.asString()) : null;
	}

	/** PostgreSQL text cannot hold NUL characters. */
	static String withoutNul(String text) {
		return (text.indexOf('\u0000') >= 0) ? text.replace("\u0000", "") : text;
	}

	/** An event ready to record, and to project when it is attributed and applicable. */
	private record Prepared(StoredEvent stored, @Nullable ProjectableEvent projectable) {
	}

}
