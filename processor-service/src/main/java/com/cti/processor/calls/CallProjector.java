package com.cti.processor.calls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.cti.processor.changes.ResourceChanged;
import com.cti.processor.voicemails.Voicemail;
import com.cti.processor.voicemails.VoicemailRepository;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Projects call events into {@code calls} and {@code voicemails}: merges each leg's
 * events with its stored state, groups legs into conversations, and writes every changed
 * leg in multi-row upserts.
 */
@Component
public class CallProjector {

	private final CallRepository repository;

	private final VoicemailRepository voicemails;

	CallProjector(CallRepository repository, VoicemailRepository voicemails) {
		this.repository = repository;
		this.voicemails = voicemails;
	}

	/**
	 * Applies call events of one app; must run inside the batch's transaction.
	 * @return the legs and voicemails that changed
	 */
	public List<ResourceChanged> project(UUID appId, List<CallEventApplied> events) {
		Map<Long, CallLeg> legs = new LinkedHashMap<>();
		Set<Long> callIds = new HashSet<>();
		events.forEach((event) -> callIds.add(event.callId()));
		this.repository.lockAndLoad(appId, callIds).forEach((leg) -> legs.put(leg.callId(), leg));
		for (CallEventApplied event : events) {
			legs.computeIfAbsent(event.callId(), (id) -> new CallLeg(appId, id))
				.apply(event.payload(), event.rawJson());
		}
		List<ConversationLink> relinked = assignConversations(appId, legs);
		List<CallLeg> changed = legs.values().stream().filter(CallLeg::changed).toList();
		this.repository.upsert(appId, changed);
		this.repository.updateConversations(appId, relinked);
		List<ResourceChanged> changes = new ArrayList<>();
		changed.forEach((leg) -> changes.add(ResourceChanged.call(leg.callId())));
		relinked.forEach((link) -> changes.add(ResourceChanged.call(link.callId())));
		List<Voicemail> voicemails = changed.stream().map(CallLeg::voicemail).filter(Objects::nonNull).toList();
		this.voicemails.upsert(appId, voicemails).forEach((callId) -> changes.add(ResourceChanged.voicemail(callId)));
		return changes;
	}

	/**
	 * Legs that point at each other (master, entry point, operator) form one
	 * conversation, whose id is the smallest call id in the group: the same whichever leg
	 * arrives first. Only a new leg, or one whose links changed, can join legs into a
	 * conversation; without one in the batch there is nothing to look up.
	 */
	private List<ConversationLink> assignConversations(UUID appId, Map<Long, CallLeg> legs) {
		if (legs.values().stream().noneMatch(CallLeg::mayRelink)) {
			// every leg is stored with the same links: their conversations already
			// account for them
			return List.of();
		}
		Set<Long> ids = new HashSet<>(legs.keySet());
		legs.values().forEach((leg) -> leg.linkedCallIds().forEach(ids::add));
		Map<Long, ConversationLink> stored = new HashMap<>();
		for (int round = 0; round < 10; round++) {
			int before = ids.size();
			for (ConversationLink row : this.repository.linkedRows(appId, ids)) {
				stored.put(row.callId(), row);
				ids.add(row.callId());
				ids.add(row.conversationId());
				row.linkedCallIds().forEach(ids::add);
			}
			if (ids.size() == before) {
				break;
			}
		}
		var groups = new UnionFind();
		stored.values().forEach((row) -> {
			groups.union(row.callId(), row.conversationId());
			row.linkedCallIds().forEach((other) -> groups.union(row.callId(), other));
		});
		legs.values().forEach((leg) -> {
			groups.union(leg.callId(), leg.conversationId());
			leg.linkedCallIds().forEach((other) -> groups.union(leg.callId(), other));
		});
		legs.values().forEach((leg) -> leg.conversationId(groups.find(leg.callId())));
		return stored.values()
			.stream()
			.filter((row) -> !legs.containsKey(row.callId()))
			.filter((row) -> row.conversationId() != groups.find(row.callId()))
			.map((row) -> row.withConversationId(groups.find(row.callId())))
			.toList();
	}

	/** One call event to apply: the leg's id and its payload, parsed and as received. */
	public record CallEventApplied(long callId, JsonNode payload, String rawJson) {
	}

	/** Union-find whose representative is always the smallest id of the set. */
	private static final class UnionFind {

		private final Map<Long, Long> parent = new HashMap<>();

		long find(long id) {
			long root = id;
			while (this.parent.getOrDefault(root, root) != root) {
				root = this.parent.get(root);
			}
			this.parent.put(id, root);
			return root;
		}

		void union(long a, long b) {
			long rootA = find(a);
			long rootB = find(b);
			if (rootA != rootB) {
				this.parent.put(Math.max(rootA, rootB), Math.min(rootA, rootB));
			}
		}

	}

}
