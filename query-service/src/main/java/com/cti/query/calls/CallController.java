package com.cti.query.calls;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;
import com.cti.query.api.NotFoundException;
import com.cti.query.api.Page;
import com.cti.query.api.PageRequest;
import com.cti.query.api.ResourceId;
import com.cti.query.apikeys.CallerApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller app's call legs: the list with its filters, the live ones, and one leg in
 * detail.
 */
@RestController
@Tag(name = "Calls", description = "Call legs of your app, newest first")
class CallController {

	private final CallQueries queries;

	CallController(CallQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/calls")
	@Operation(summary = "List call legs",
			description = "Every leg of your app, newest first (by start time), filtered and paged with an opaque "
					+ "cursor: a deep page is as fast as the first and there is no cap on how far you can page.")
	Page<CallView> list(@ParameterObject @Valid CallListRequest request, CallerApp app) {
		return page(app, CallFilter.of(request), request.page());
	}

	@GetMapping("/api/calls/active")
	@Operation(summary = "List live call legs",
			description = "The legs that are live now (ringing, connected, on hold, ...), newest first; possibly "
					+ "none. Read straight from the projection that the webhooks update.")
	Page<CallView> active(@ParameterObject @Valid ActiveCallsRequest request, CallerApp app) {
		return page(app, CallFilter.of(request), request.page());
	}

	@GetMapping("/api/calls/{call_id}")
	@Operation(summary = "Get one call leg",
			description = "The leg with its timeline of states and the other legs of its conversation. 404 when "
					+ "your app has no such leg.")
	CallDetailView get(@Parameter(description = "Dialpad's call id of the leg",
			example = "6400000000000101") @PathVariable("call_id") ResourceId callId, CallerApp app) {
		long id = callId.value();
		CallView call = this.queries.find(app.id(), id).orElseThrow(() -> new NotFoundException("call", id));
		List<CallView> linked = this.queries.legsOf(app.id(), List.of(call.conversationId()))
			.stream()
			.filter((leg) -> leg.callId() != id)
			.sorted(Comparator.comparing(CallView::startedAtMs, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(CallView::callId))
			.toList();
		return new CallDetailView(call, this.queries.timeline(app.id(), id), linked);
	}

	private Page<CallView> page(CallerApp app, CallFilter filter, PageRequest page) {
		return Page.of(this.queries.list(app.id(), filter, page), page.limit(), CallQueries.Row::call,
				CallQueries::cursorOf);
	}

}
