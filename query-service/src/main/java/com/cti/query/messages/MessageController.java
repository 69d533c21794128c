package com.cti.query.messages;

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
 * The caller app's SMS and MMS.
 */
@RestController
@Tag(name = "Messages", description = "SMS and MMS of your app, newest first")
class MessageController {

	private final MessageQueries queries;

	MessageController(MessageQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/messages")
	@Operation(summary = "List messages", description = "Messages newest first (by creation time), filtered and "
			+ "paged with an opaque cursor like the call list.")
	Page<MessageView> list(
			@Parameter(description = "Only messages created at or after this time: ISO-8601 or ms since the epoch",
					example = "2025-11-26T00:00:00Z") @RequestParam(name = "from",
							required = false) @Nullable String from,
			@Parameter(description = "Only messages created before this time: ISO-8601 or ms since the epoch",
					example = "2025-11-27T00:00:00Z") @RequestParam(name = "to", required = false) @Nullable String to,
			@Parameter(description = "inbound or outbound", example = "outbound") @RequestParam(name = "direction",
					required = false) @Nullable String direction,
			@Parameter(description = "Matches the sender or any recipient; any common spelling of an E.164 number",
					example = "+14155559876") @RequestParam(name = "number", required = false) @Nullable String number,
			@Parameter(description = "Latest delivery status, or several separated by commas",
					example = "delivered,failed") @RequestParam(name = "status",
							required = false) @Nullable String status,
			@Parameter(description = "Page size, 1 to 500", example = "50") @RequestParam(name = "limit",
					defaultValue = PageRequest.DEFAULT_LIMIT) int limit,
			@Parameter(description = "next_cursor of the previous page") @RequestParam(name = "cursor",
					required = false) @Nullable String cursor,
			HttpServletRequest request) {
		var filter = new MessageQueries.Filter(Parameters.timeRange(from, to), Parameters.direction(direction),
				Parameters.phoneNumber("number", number), Parameters.words("status", status));
		PageRequest page = PageRequest.of(MessageQueries.CURSOR_KIND, limit, cursor);
		return Page.of(this.queries.list(CallerApp.from(request), filter, page), page.limit(),
				MessageQueries.Row::message, MessageQueries.Row::cursor);
	}

	@GetMapping("/api/messages/{message_id}")
	@Operation(summary = "Get one message", description = "404 when your app has no such message.")
	MessageView get(
			@Parameter(description = "Dialpad's message id",
					example = "7300000000000001") @PathVariable("message_id") String messageId,
			HttpServletRequest request) {
		UUID appId = CallerApp.from(request);
		long id = Parameters.id("message_id", messageId);
		return this.queries.find(appId, id).orElseThrow(() -> new NotFoundException("message", id));
	}

}
