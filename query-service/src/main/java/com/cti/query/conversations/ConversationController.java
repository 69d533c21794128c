package com.cti.query.conversations;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import com.cti.query.api.NotFoundException;
import com.cti.query.api.Page;
import com.cti.query.api.PageRequest;
import com.cti.query.api.ResourceId;
import com.cti.query.apikeys.CallerApp;
import com.cti.query.calls.CallQueries;
import com.cti.query.calls.CallView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller app's conversations: legs grouped into the customer's view of a call.
 */
@RestController
@Tag(name = "Conversations", description = "Customer-level calls: the legs of one call grouped")
class ConversationController {

	private final ConversationQueries queries;

	private final CallQueries calls;

	ConversationController(ConversationQueries queries, CallQueries calls) {
		this.queries = queries;
		this.calls = calls;
	}

	@GetMapping("/api/conversations")
	@Operation(summary = "List conversations",
			description = "Conversations newest first, by the start of their first leg, with their legs; paged "
					+ "with an opaque cursor like the call list.")
	Page<ConversationView> list(@ParameterObject @Valid ConversationListRequest request, CallerApp app) {
		UUID appId = app.id();
		PageRequest page = request.page();
		List<ConversationQueries.Head> heads = this.queries.list(appId, request.time(), page);
		List<ConversationQueries.Head> shown = heads.subList(0, Math.min(heads.size(), page.limit()));
		Map<Long, List<CallView>> legs = this.calls
			.legsOf(appId, shown.stream().map(ConversationQueries.Head::conversationId).toList())
			.stream()
			.collect(Collectors.groupingBy(CallView::conversationId));
		return Page.of(heads, page.limit(),
				(head) -> ConversationView.of(head.conversationId(), legs.computeIfAbsent(head.conversationId(),
						// relinked into another conversation since the page was chosen:
						// show the leg itself
						(moved) -> this.calls.findAll(appId, List.of(head.callId())))),
				ConversationQueries.Head::cursor);
	}

	@GetMapping("/api/conversations/{conversation_id}")
	@Operation(summary = "Get one conversation",
			description = "The conversation with its legs. The call_id of any of its legs is accepted too. 404 "
					+ "when your app has no such conversation.")
	ConversationView get(
			@Parameter(description = "conversation_id, or the call_id of one of its legs",
					example = "6400000000000101") @PathVariable("conversation_id") ResourceId conversationId,
			CallerApp app) {
		UUID appId = app.id();
		long id = conversationId.value();
		long resolved = this.queries.resolve(appId, id).orElseThrow(() -> new NotFoundException("conversation", id));
		List<CallView> legs = this.calls.legsOf(appId, List.of(resolved));
		if (legs.isEmpty()) {
			throw new NotFoundException("conversation", id);
		}
		return ConversationView.of(resolved, legs);
	}

}
