package com.cti.query.voicemails;

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
 * The caller app's voicemails.
 */
@RestController
@Tag(name = "Voicemails", description = "Voicemails of your app, newest first")
class VoicemailController {

	private final VoicemailQueries queries;

	VoicemailController(VoicemailQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/voicemails")
	@Operation(summary = "List voicemails",
			description = "Voicemails newest first, filtered and paged with an " + "opaque cursor like the call list.")
	Page<VoicemailView> list(
			@Parameter(description = "Only voicemails left at or after this time: ISO-8601 or ms since the epoch",
					example = "2025-11-26T00:00:00Z") @RequestParam(name = "from",
							required = false) @Nullable String from,
			@Parameter(description = "Only voicemails left before this time: ISO-8601 or ms since the epoch",
					example = "2025-11-27T00:00:00Z") @RequestParam(name = "to", required = false) @Nullable String to,
			@Parameter(description = "The caller's number; any common spelling of an E.164 number",
					example = "+14155559876") @RequestParam(name = "number", required = false) @Nullable String number,
			@Parameter(description = "Dialpad id of the user, department or call center it was left for",
					example = "5500000000000777") @RequestParam(name = "target_id",
							required = false) @Nullable Long targetId,
			@Parameter(description = "Your own user id (user mappings) of the user it was left for",
					example = "agent-42") @RequestParam(name = "user_id", required = false) @Nullable String userId,
			@Parameter(description = "Only voicemails with a transcription (true) or without (false)",
					example = "true") @RequestParam(name = "has_transcription",
							required = false) @Nullable Boolean hasTranscription,
			@Parameter(description = "Page size, 1 to 500", example = "50") @RequestParam(name = "limit",
					defaultValue = PageRequest.DEFAULT_LIMIT) int limit,
			@Parameter(description = "next_cursor of the previous page") @RequestParam(name = "cursor",
					required = false) @Nullable String cursor,
			HttpServletRequest request) {
		var filter = new VoicemailQueries.Filter(Parameters.timeRange(from, to),
				Parameters.phoneNumber("number", number), targetId, Parameters.text("user_id", userId, 200),
				hasTranscription);
		PageRequest page = PageRequest.of(VoicemailQueries.CURSOR_KIND, limit, cursor);
		return Page.of(this.queries.list(CallerApp.from(request), filter, page), page.limit(),
				VoicemailQueries.Row::voicemail, VoicemailQueries.Row::cursor);
	}

	@GetMapping("/api/voicemails/{call_id}")
	@Operation(summary = "Get one voicemail",
			description = "By the call_id of the leg that recorded it. 404 when " + "your app has no such voicemail.")
	VoicemailView get(@Parameter(description = "The call_id of the leg that recorded the voicemail",
			example = "6400000000000301") @PathVariable("call_id") String callId, HttpServletRequest request) {
		UUID appId = CallerApp.from(request);
		long id = Parameters.id("call_id", callId);
		return this.queries.find(appId, id).orElseThrow(() -> new NotFoundException("voicemail", id));
	}

}
