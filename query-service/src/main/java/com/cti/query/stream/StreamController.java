package com.cti.query.stream;

import java.io.IOException;
import java.net.URI;

import com.cti.query.api.BadParameterException;
import com.cti.query.apikeys.CallerApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of the caller app's changes.
 */
@RestController
@Tag(name = "Stream", description = "Changes of calls, messages and voicemails as they happen")
class StreamController {

	static final String LAST_EVENT_ID = "Last-Event-ID";

	private final StreamRegistry registry;

	StreamController(StreamRegistry registry) {
		this.registry = registry;
	}

	@GetMapping("/api/stream")
	@Operation(summary = "Follow changes (Server-Sent Events)", description = """
			A text/event-stream of every change to your app's calls, messages and voicemails, in order. Each \
			event has `id` (its position: send it back as the Last-Event-ID header when you reconnect), \
			`event` (`call`, `message` or `voicemail`) and `data`: the changed resource, exactly as \
			GET /api/calls/{call_id} (without timeline and linked legs), /api/messages/{id} or \
			/api/voicemails/{id} render it. A comment line (`: heartbeat`) comes every 15 s. After a \
			disconnect, reconnect with Last-Event-ID: you get every change after it, none twice, as long \
			as it is within the retention window (24 h by default); otherwise, or when the id is unknown, \
			the stream starts from now with an `event: reset` whose data says why: then resynchronise \
			with the list endpoints. An `event: deleted` with data {"type", "id"} says that a resource is gone.""")
	@ApiResponse(responseCode = "200", description = "The stream",
			content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string",
					example = "id: 1042\nevent: call\ndata: {\"call_id\":6400000000000101,\"state\":\"ringing\"}\n\n")))
	SseEmitter stream(@Parameter(description = "The id of the last event you received, to resume after it",
			example = "1042") @RequestHeader(name = LAST_EVENT_ID, required = false) @Nullable String lastEventId,
			@Parameter(description = "The same as the Last-Event-ID header, for clients that cannot set headers",
					example = "1042") @RequestParam(name = "last_event_id",
							required = false) @Nullable String lastEventIdParameter,
			CallerApp app) throws IOException {
		Long after = null;
		if (lastEventId != null) {
			after = position(LAST_EVENT_ID, lastEventId);
		}
		else if (lastEventIdParameter != null) {
			after = position("last_event_id", lastEventIdParameter);
		}
		return this.registry.open(app.id(), after);
	}

	@ExceptionHandler
	ProblemDetail tooManyStreams(TooManyStreamsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setType(URI.create("urn:cti:api:too-many-streams"));
		return problem;
	}

	private static long position(String name, String value) {
		try {
			long position = Long.parseLong(value.strip());
			if (position >= 0) {
				return position;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new BadParameterException(name,
				"'" + name + "' must be the id of an event of this stream (got '" + value + "')");
	}

}
