package com.cti.admin.events;

import java.util.UUID;

import com.cti.admin.apps.AdminProblems;
import com.cti.admin.apps.InstantIdCursor;
import com.cti.admin.apps.Page;
import com.cti.admin.audit.Actor;
import com.cti.admin.events.EventReplayService.Republished;
import com.cti.admin.paging.PageLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events that need an admin: unattributed ones (no app) and those the processor failed to
 * apply. An unattributed event can be assigned to an app, any attributed one replayed;
 * both send the processor a command to apply it again and answer 202 with the new event
 * id.
 */
@RestController
class ParkedEventController {

	private final ParkedEventQueries queries;

	private final EventReplayService replayService;

	ParkedEventController(ParkedEventQueries queries, EventReplayService replayService) {
		this.queries = queries;
		this.replayService = replayService;
	}

	@GetMapping("/internal/events/unattributed")
	Page<ParkedEvent> unattributed(@RequestParam(name = "include_resolved", defaultValue = "false") boolean all,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @PageLimit int limit) {
		return page(this.queries.unattributed(all, InstantIdCursor.decode(cursor), limit + 1), limit);
	}

	@GetMapping("/internal/events/failed")
	Page<ParkedEvent> failed(@RequestParam(name = "app_id", required = false) @Nullable UUID appId,
			@RequestParam(name = "include_resolved", defaultValue = "false") boolean all,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @PageLimit int limit) {
		return page(this.queries.failed(appId, all, InstantIdCursor.decode(cursor), limit + 1), limit);
	}

	@GetMapping("/internal/events/{eventId}")
	EventDetail get(@PathVariable UUID eventId) {
		return this.queries.find(eventId)
			.map((detail) -> new EventDetail(detail.event(), detail.contentHash(), detail.schemaVersion(),
					detail.payload()))
			.orElseThrow(() -> AdminProblems.notFound("event-not-found", "Event not found",
					"There is no event with id " + eventId + " in the event log"));
	}

	@PostMapping("/internal/events/{eventId}/assign")
	@ResponseStatus(HttpStatus.ACCEPTED)
	EventRepublished assign(@PathVariable UUID eventId, @Valid @RequestBody AssignEvent command,
			HttpServletRequest request) {
		Republished republished = this.replayService.assign(eventId, command.appId(), Actor.of(request));
		return accepted(republished, "Event assigned and sent to the processor again.");
	}

	@PostMapping("/internal/events/{eventId}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	EventRepublished replay(@PathVariable UUID eventId, HttpServletRequest request) {
		Republished republished = this.replayService.replay(eventId, Actor.of(request));
		return accepted(republished, "Event sent to the processor again.");
	}

	private static Page<ParkedEvent> page(java.util.List<ParkedEvent> rows, int limit) {
		return Page.of(rows, limit, (event) -> new InstantIdCursor(event.receivedAt(), event.eventId()).encode());
	}

	private static EventRepublished accepted(Republished republished, String message) {
		return new EventRepublished(true, republished.eventId(), republished.replayOf(), republished.appId(),
				republished.kind().wireName(), message);
	}

	/** The app to assign an unattributed event to. */
	record AssignEvent(@NotNull UUID appId) {
	}

	/** One event with its payload. */
	record EventDetail(ParkedEvent event, String contentHash, int schemaVersion, String payload) {
	}

	/** The answer to an assign or a replay. */
	record EventRepublished(boolean success, UUID eventId, UUID replayOf, UUID appId, String kind, String message) {
	}

}
