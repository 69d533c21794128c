package com.cti.query.voicemails;

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
	Page<VoicemailView> list(@ParameterObject @Valid VoicemailListRequest request, CallerApp app) {
		PageRequest page = request.page();
		return Page.of(this.queries.list(app.id(), request, page), page.limit(), VoicemailQueries.Row::voicemail,
				VoicemailQueries.Row::cursor);
	}

	@GetMapping("/api/voicemails/{call_id}")
	@Operation(summary = "Get one voicemail",
			description = "By the call_id of the leg that recorded it. 404 when " + "your app has no such voicemail.")
	VoicemailView get(@Parameter(description = "The call_id of the leg that recorded the voicemail",
			example = "6400000000000301") @PathVariable("call_id") ResourceId callId, CallerApp app) {
		long id = callId.value();
		return this.queries.find(app.id(), id).orElseThrow(() -> new NotFoundException("voicemail", id));
	}

}
