package com.cti.query.conversations;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import com.cti.query.api.NotFoundException;
import com.cti.query.api.Page;
import com.cti.query.api.PageRequest;
import com.cti.query.api.Parameters;
import com.cti.query.apikeys.CallerApp;
import com.cti.query.calls.CallQueries;
import com.cti.query.calls.CallView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
	Page<ConversationView> list(
			@Parameter(description = "Only conversations whose first leg started at or after this time: ISO-8601 "
					+ "or ms since the epoch", example = "2025-11-26T00:00:00Z") @RequestParam(name = "from",
							required = false) @Nullable String from,
			@Parameter(description = "Only conversations whose first leg started before this time",
					example = "2025-11-27T00:00:00Z") @RequestParam(name = "to", required = false) @Nullable String to,
			@Parameter(description = "Page size, 1 to 500", example = "50") @RequestParam(name = "limit",
					defaultValue = PageRequest.DEFAULT_LIMIT) int limit,
			@Parameter(description = "next_cursor of the previous page") @RequestParam(name = "cursor",
					required = false) @Nullable String cursor,
			HttpServletRequest request) {
		UUID appId = CallerApp.from(request);
		PageRequest page = PageRequest.of(ConversationQueries.CURSOR_KIND, limit, cursor);
		List<ConversationQueries.Head> heads = this.queries.list(appId, Parameters.timeRange(from, to), page);
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
					example = "6400000000000101") @PathVariable("conversation_id") String conversationId,
			HttpServletRequest request) {
		UUID appId = CallerApp.from(request);
		long id = Parameters.id("conversation_id", conversationId);
		long resolved = this.queries.resolve(appId, id).orElseThrow(() -> new NotFoundException("conversation", id));
		List<CallView> legs = this.calls.legsOf(appId, List.of(resolved));
		if (legs.isEmpty()) {
			throw new NotFoundException("conversation", id);
		}
		return ConversationView.of(resolved, legs);
	}

}
