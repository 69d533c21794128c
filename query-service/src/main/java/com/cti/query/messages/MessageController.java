package com.cti.query.messages;

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
	Page<MessageView> list(@ParameterObject @Valid MessageListRequest request, CallerApp app) {
		PageRequest page = request.page();
		return Page.of(this.queries.list(app.id(), request, page), page.limit(), MessageQueries.Row::message,
				MessageQueries.Row::cursor);
	}

	@GetMapping("/api/messages/{message_id}")
	@Operation(summary = "Get one message", description = "404 when your app has no such message.")
	MessageView get(@Parameter(description = "Dialpad's message id",
			example = "7300000000000001") @PathVariable("message_id") ResourceId messageId, CallerApp app) {
		long id = messageId.value();
		return this.queries.find(app.id(), id).orElseThrow(() -> new NotFoundException("message", id));
	}

}
