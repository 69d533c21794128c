package com.cti.query.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.cti.query.calls.CallQueries;
import com.cti.query.calls.CallView;
import com.cti.query.messages.MessageQueries;
import com.cti.query.messages.MessageView;
import com.cti.query.voicemails.VoicemailQueries;
import com.cti.query.voicemails.VoicemailView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns changes into stream events that carry the current resource, rendered as the REST
 * API renders it; each changed resource is loaded once per batch.
 */
@Component
class ChangeRenderer {

	static final String CALL = "call";

	static final String MESSAGE = "message";

	static final String VOICEMAIL = "voicemail";

	private final CallQueries calls;

	private final MessageQueries messages;

	private final VoicemailQueries voicemails;

	ChangeRenderer(CallQueries calls, MessageQueries messages, VoicemailQueries voicemails) {
		this.calls = calls;
		this.messages = messages;
		this.voicemails = voicemails;
	}

	/**
	 * The changes as events, in order. A change whose resource is no longer there has a
	 * null resource.
	 */
	List<Rendered> render(UUID appId, List<ChangeFeed.Change> changes) {
		Map<String, List<Long>> idsByType = changes.stream()
			.collect(Collectors.groupingBy(ChangeFeed.Change::type,
					Collectors.mapping(ChangeFeed.Change::resourceId, Collectors.toList())));
		Map<String, Map<Long, Object>> resources = new HashMap<>();
		idsByType.forEach((type, ids) -> resources.put(type, load(appId, type, ids)));
		List<Rendered> rendered = new ArrayList<>(changes.size());
		for (ChangeFeed.Change change : changes) {
			rendered.add(new Rendered(change, resources.get(change.type()).get(change.resourceId())));
		}
		return rendered;
	}

	private Map<Long, Object> load(UUID appId, String type, List<Long> ids) {
		List<Long> distinct = ids.stream().distinct().toList();
		return switch (type) {
			case CALL -> byId(this.calls.findAll(appId, distinct), CallView::callId);
			case MESSAGE -> byId(this.messages.findAll(appId, distinct), MessageView::messageId);
			case VOICEMAIL -> byId(this.voicemails.findAll(appId, distinct), VoicemailView::callId);
			default -> Map.of();
		};
	}

	private static <T> Map<Long, Object> byId(List<T> resources, Function<T, Long> id) {
		Map<Long, Object> map = new HashMap<>();
		resources.forEach((resource) -> map.put(id.apply(resource), resource));
		return map;
	}

	/** A change and its resource as it is now. */
	record Rendered(ChangeFeed.Change change, @Nullable Object resource) {
	}

}
