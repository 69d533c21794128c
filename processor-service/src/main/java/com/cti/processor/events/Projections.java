package com.cti.processor.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.model.EventKind;
import com.cti.processor.calls.CallProjector;
import com.cti.processor.calls.CallProjector.CallEventApplied;
import com.cti.processor.changes.ResourceChanged;
import com.cti.processor.messages.MessageProjector;
import com.cti.processor.messages.MessageProjector.SmsEventApplied;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Hands attributed events to their projectors, grouped by app and kind, so that each
 * projector runs its few statements once per app and batch.
 */
@Component
public class Projections {

	private final CallProjector callProjector;

	private final MessageProjector messageProjector;

	Projections(CallProjector callProjector, MessageProjector messageProjector) {
		this.callProjector = callProjector;
		this.messageProjector = messageProjector;
	}

	/**
	 * Whether events of this kind are projected (the others are kept in the log only).
	 */
	public static boolean isProjected(EventKind kind) {
		return kind == EventKind.CALL || kind == EventKind.SMS;
	}

	/**
	 * Projects the events; must run inside a transaction.
	 * @return what changed, by app
	 */
	public Map<UUID, List<ResourceChanged>> project(List<ProjectableEvent> events) {
		Map<UUID, List<CallEventApplied>> calls = new LinkedHashMap<>();
		Map<UUID, List<SmsEventApplied>> messages = new LinkedHashMap<>();
		for (ProjectableEvent event : events) {
			if (event.kind() == EventKind.CALL) {
				calls.computeIfAbsent(event.appId(), (app) -> new ArrayList<>())
					.add(new CallEventApplied(event.resourceId(), event.payload(), event.rawJson()));
			}
			else if (event.kind() == EventKind.SMS) {
				messages.computeIfAbsent(event.appId(), (app) -> new ArrayList<>())
					.add(new SmsEventApplied(event.resourceId(), event.payload(), event.rawJson()));
			}
		}
		Map<UUID, List<ResourceChanged>> changes = new LinkedHashMap<>();
		calls.forEach((appId, appEvents) -> changes.computeIfAbsent(appId, (app) -> new ArrayList<>())
			.addAll(this.callProjector.project(appId, appEvents)));
		messages.forEach((appId, appEvents) -> changes.computeIfAbsent(appId, (app) -> new ArrayList<>())
			.addAll(this.messageProjector.project(appId, appEvents)));
		return changes;
	}

	/** An attributed event of a projected kind, parsed, with its resource id. */
	public record ProjectableEvent(UUID appId, EventKind kind, long resourceId, JsonNode payload, String rawJson) {
	}

}
