package com.cti.processor.messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.processor.changes.ResourceChanged;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Projects SMS events into {@code messages}: merges each message's events with its stored
 * state and writes the changed ones in multi-row upserts.
 */
@Component
public class MessageProjector {

	private final MessageRepository repository;

	MessageProjector(MessageRepository repository) {
		this.repository = repository;
	}

	/**
	 * Applies SMS events of one app; must run inside the batch's transaction.
	 * @return the messages that changed
	 */
	public List<ResourceChanged> project(UUID appId, List<SmsEventApplied> events) {
		Map<Long, Message> messages = new LinkedHashMap<>();
		List<Long> ids = events.stream().map(SmsEventApplied::messageId).distinct().toList();
		this.repository.lockAndLoad(appId, ids).forEach((message) -> messages.put(message.messageId(), message));
		for (SmsEventApplied event : events) {
			messages.computeIfAbsent(event.messageId(), (id) -> new Message(appId, id))
				.apply(event.payload(), event.rawJson());
		}
		List<Message> changed = messages.values().stream().filter(Message::changed).toList();
		this.repository.upsert(appId, changed);
		return changed.stream().map((message) -> ResourceChanged.message(message.messageId())).toList();
	}

	/** One SMS event to apply: the message id and its payload, parsed and as received. */
	public record SmsEventApplied(long messageId, JsonNode payload, String rawJson) {
	}

}
