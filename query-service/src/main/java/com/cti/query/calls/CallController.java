package com.cti.query.calls;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import com.cti.query.api.NotFoundException;
import com.cti.query.api.Page;
import com.cti.query.api.PageRequest;
import com.cti.query.api.Parameters;
import com.cti.query.apikeys.CallerApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller app's call legs: the list with its filters, the live ones, and one leg in
 * detail.
 */
@RestController
@Tag(name = "Calls", description = "Call legs of your app, newest first")
class CallController {

	private static final String NUMBER = "Matches the external or the internal number; any common spelling of an "
			+ "E.164 number is accepted (+1 415-555-0101, 0014155550101)";

	private final CallQueries queries;

	CallController(CallQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/calls")
	@Operation(summary = "List call legs",
			description = "Every leg of your app, newest first (by start time), filtered and paged with an opaque "
					+ "cursor: a deep page is as fast as the first and there is no cap on how far you can page.")
	Page<CallView> list(
			@Parameter(description = "Only legs that started at or after this time: ISO-8601 or ms since the epoch",
					example = "2025-11-26T00:00:00Z") @RequestParam(name = "from",
							required = false) @Nullable String from,
			@Parameter(description = "Only legs that started before this time: ISO-8601 or ms since the epoch",
					example = "1764201600000") @RequestParam(name = "to", required = false) @Nullable String to,
			@Parameter(description = "inbound or outbound", example = "inbound") @RequestParam(name = "direction",
					required = false) @Nullable String direction,
			@Parameter(description = "Latest state, or several separated by commas",
					example = "hangup") @RequestParam(name = "state", required = false) @Nullable String state,
			@Parameter(description = NUMBER, example = "+14155559876") @RequestParam(name = "number",
					required = false) @Nullable String number,
			@Parameter(description = "Dialpad id of the target (user, department, office, call center)",
					example = "5500000000000777") @RequestParam(name = "target_id",
							required = false) @Nullable Long targetId,
			@Parameter(description = "Your own user id, as mapped to a Dialpad user in the app's user mappings",
					example = "agent-42") @RequestParam(name = "user_id", required = false) @Nullable String userId,
			@Parameter(description = "Only legs a person answered (true) or did not (false)",
					example = "true") @RequestParam(name = "answered", required = false) @Nullable Boolean answered,
			@Parameter(description = "Only missed legs (true) or the others (false)",
					example = "false") @RequestParam(name = "missed", required = false) @Nullable Boolean missed,
			@Parameter(description = "Only legs with a voicemail (true) or without (false)",
					example = "false") @RequestParam(name = "has_voicemail",
							required = false) @Nullable Boolean hasVoicemail,
			@Parameter(description = "Only recorded legs (true) or the others (false)",
					example = "false") @RequestParam(name = "has_recording",
							required = false) @Nullable Boolean hasRecording,
			@Parameter(description = "Page size, 1 to 500", example = "50") @RequestParam(name = "limit",
					defaultValue = PageRequest.DEFAULT_LIMIT) int limit,
			@Parameter(description = "next_cursor of the previous page") @RequestParam(name = "cursor",
					required = false) @Nullable String cursor,
			HttpServletRequest request) {
		CallFilter filter = new CallFilter(Parameters.timeRange(from, to), Parameters.direction(direction),
				Parameters.words("state", state), Parameters.phoneNumber("number", number), targetId,
				Parameters.text("user_id", userId, 200), answered, missed, hasVoicemail, hasRecording, false);
		return page(CallerApp.from(request), filter, PageRequest.of(CallQueries.CURSOR_KIND, limit, cursor));
	}

	@GetMapping("/api/calls/active")
	@Operation(summary = "List live call legs",
			description = "The legs that are live now (ringing, connected, on hold, ...), newest first; possibly "
					+ "none. Read straight from the projection that the webhooks update.")
	Page<CallView> active(
			@Parameter(description = "inbound or outbound", example = "inbound") @RequestParam(name = "direction",
					required = false) @Nullable String direction,
			@Parameter(description = NUMBER, example = "+14155559876") @RequestParam(name = "number",
					required = false) @Nullable String number,
			@Parameter(description = "Dialpad id of the target", example = "5500000000000777") @RequestParam(
					name = "target_id", required = false) @Nullable Long targetId,
			@Parameter(description = "Your own user id (user mappings)",
					example = "agent-42") @RequestParam(name = "user_id", required = false) @Nullable String userId,
			@Parameter(description = "Page size, 1 to 500", example = "50") @RequestParam(name = "limit",
					defaultValue = PageRequest.DEFAULT_LIMIT) int limit,
			@Parameter(description = "next_cursor of the previous page") @RequestParam(name = "cursor",
					required = false) @Nullable String cursor,
			HttpServletRequest request) {
		CallFilter filter = new CallFilter(new Parameters.TimeRange(null, null), Parameters.direction(direction), null,
				Parameters.phoneNumber("number", number), targetId, Parameters.text("user_id", userId, 200), null, null,
				null, null, true);
		return page(CallerApp.from(request), filter, PageRequest.of(CallQueries.CURSOR_KIND, limit, cursor));
	}

	@GetMapping("/api/calls/{call_id}")
	@Operation(summary = "Get one call leg",
			description = "The leg with its timeline of states and the other legs of its conversation. 404 when "
					+ "your app has no such leg.")
	CallDetailView get(@Parameter(description = "Dialpad's call id of the leg",
			example = "6400000000000101") @PathVariable("call_id") String callId, HttpServletRequest request) {
		UUID appId = CallerApp.from(request);
		long id = Parameters.id("call_id", callId);
		CallView call = this.queries.find(appId, id).orElseThrow(() -> new NotFoundException("call", id));
		List<CallView> linked = this.queries.legsOf(appId, List.of(call.conversationId()))
			.stream()
			.filter((leg) -> leg.callId() != id)
			.sorted(Comparator.comparing(CallView::startedAtMs, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(CallView::callId))
			.toList();
		return new CallDetailView(call, this.queries.timeline(appId, id), linked);
	}

	private Page<CallView> page(UUID appId, CallFilter filter, PageRequest page) {
		return Page.of(this.queries.list(appId, filter, page), page.limit(), CallQueries.Row::call,
				CallQueries::cursorOf);
	}

}
