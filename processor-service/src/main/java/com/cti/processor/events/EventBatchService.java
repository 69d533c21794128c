package com.cti.processor.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.cti.model.DialpadEventReceived;
import com.cti.model.EventKind;
import com.cti.processor.calls.CallProjector;
import com.cti.processor.calls.CallProjector.CallEventApplied;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of events in one transaction: records each new event in the raw log and
 * updates the projections, so that an event is marked processed exactly when its
 * projection is committed.
 */
@Service
public class EventBatchService {

	private final WebhookEventRepository eventRepository;

	private final AppDirectory appDirectory;

	private final CallProjector callProjector;

	private final JsonMapper jsonMapper;

	EventBatchService(WebhookEventRepository eventRepository, AppDirectory appDirectory, CallProjector callProjector,
			JsonMapper jsonMapper) {
		this.eventRepository = eventRepository;
		this.appDirectory = appDirectory;
		this.callProjector = callProjector;
		this.jsonMapper = jsonMapper;
	}

	@Transactional
	public void apply(List<DialpadEventReceived> events) {
		if (events.isEmpty()) {
			return;
		}
		Map<String, Prepared> unique = new LinkedHashMap<>();
		for (DialpadEventReceived event : events) {
			Prepared prepared = prepare(event);
			unique.putIfAbsent(prepared.stored().appId() + "/" + prepared.stored().contentHash(), prepared);
		}
		List<Prepared> batch = new ArrayList<>(unique.values());
		Set<UUID> inserted = this.eventRepository.insertNew(batch.stream().map(Prepared::stored).toList());
		Map<UUID, List<CallEventApplied>> callsByApp = new LinkedHashMap<>();
		for (Prepared prepared : batch) {
			StoredEvent stored = prepared.stored();
			if (!inserted.contains(stored.id()) || !stored.processed() || prepared.payload() == null) {
				continue;
			}
			if (EventKind.CALL.wireName().equals(stored.kind()) && stored.resourceId() != null) {
				callsByApp.computeIfAbsent(stored.appId(), (app) -> new ArrayList<>())
					.add(new CallEventApplied(stored.resourceId(), prepared.payload(), stored.payload()));
			}
		}
		callsByApp.forEach(this.callProjector::project);
	}

	private Prepared prepare(DialpadEventReceived event) {
		Optional<UUID> appId = this.appDirectory.attribute(event.appId());
		JsonNode payload = parse(event.payload());
		String error = (payload == null) ? "payload is not a JSON object" : null;
		boolean processed = appId.isPresent() && payload != null && isApplied(event.kind());
		var stored = new StoredEvent(event.eventId(), appId.orElse(null), event.appId(), event.kind().wireName(),
				resourceId(event.kind(), payload),
				text(payload, (event.kind() == EventKind.SMS) ? "message_status" : "state"),
				number(payload, "event_timestamp"), event.contentHash(), event.payload(), event.schemaVersion(),
				event.receivedAt(), processed, error);
		return new Prepared(stored, payload);
	}

	/**
	 * Kinds whose events this processor applies (projects, or keeps as the log itself).
	 */
	private static boolean isApplied(EventKind kind) {
		return kind != EventKind.SMS;
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
		if (node.isNumber()) {
			return node.longValue();
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
		return (node != null && node.isValueNode() && !node.isNull()) ? node.asString() : null;
	}

	private record Prepared(StoredEvent stored, @Nullable JsonNode payload) {
	}

}
