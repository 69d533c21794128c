package com.cti.processor.calls;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import com.cti.processor.merge.MergedValues;
import com.cti.processor.voicemails.Voicemail;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merged state of one call leg. Each field keeps the value of the newest event (by
 * {@code event_timestamp}) that carried a non-empty value for it, so the result is the
 * same whatever order and however often the events arrive: an older event never
 * overwrites a newer value but fills one that is still empty.
 */
final class CallLeg {

	/** States in which a leg is live (ringing, talking, on hold...). */
	static final Set<String> LIVE_STATES = Set.of("preanswer", "calling", "ringing", "queued", "connected", "hold",
			"parked", "merged", "eavesdrop", "monitor", "barge", "takeover");

	/**
	 * States that mean the live part of the leg is over; post-call states imply it too.
	 */
	static final Set<String> ENDING_STATES = Set.of("hangup", "missed", "voicemail", "voicemail_uploaded", "postcall",
			"recording", "transcription", "call_transcription", "recap_summary", "recap_outcome", "recap_action_items",
			"recap_purposes", "ai_playbook", "csat", "pcsat", "dispositions", "blocked");

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Voicemail column to the call column its value comes from. */
	private static final Map<String, String> VOICEMAIL_SOURCES = Map.ofEntries(
			Map.entry("recording_id", "voicemail_recording_id"), Map.entry("caller_number", "external_number"),
			Map.entry("contact_id", "contact_id"), Map.entry("contact_name", "contact_name"),
			Map.entry("target_id", "target_id"), Map.entry("target_type", "target_type"),
			Map.entry("target_name", "target_name"), Map.entry("link", "voicemail_link"),
			Map.entry("transcription_text", "transcription_text"), Map.entry("created_at", "voicemail_started_at"));

	private final UUID appId;

	private final long callId;

	private final MergedValues merged;

	private final Set<String> statesSeen = new TreeSet<>();

	private long conversationId;

	private boolean changedOutsideMerge;

	private boolean stored;

	private boolean linksChanged;

	CallLeg(UUID appId, long callId) {
		this(appId, callId, new MergedValues(), callId);
	}

	private CallLeg(UUID appId, long callId, MergedValues merged, long conversationId) {
		this.appId = appId;
		this.callId = callId;
		this.merged = merged;
		this.conversationId = conversationId;
	}

	/** Restores a leg from its stored row. */
	static CallLeg restore(UUID appId, long callId, MergedValues merged, Iterable<String> statesSeen,
			long conversationId) {
		CallLeg leg = new CallLeg(appId, callId, merged, conversationId);
		statesSeen.forEach(leg.statesSeen::add);
		leg.stored = true;
		return leg;
	}

	/** Merges one call event into this leg. */
	void apply(JsonNode payload, String rawJson) {
		List<Long> links = linkedCallIds().toList();
		this.merged.apply(CallFields.ALL, payload, rawJson);
		this.linksChanged |= !links.equals(linkedCallIds().toList());
		JsonNode state = payload.get("state");
		if (state != null && state.isString() && !state.asString().isBlank() && this.statesSeen.add(state.asString())) {
			this.changedOutsideMerge = true;
		}
	}

	/**
	 * Whether the leg may join another conversation: it is new, or it points at other
	 * legs than before.
	 */
	boolean mayRelink() {
		return !this.stored || this.linksChanged;
	}

	/** Whether anything of the leg changed since it was created or restored. */
	boolean changed() {
		return this.merged.changed() || this.changedOutsideMerge;
	}

	UUID appId() {
		return this.appId;
	}

	long callId() {
		return this.callId;
	}

	@Nullable Object value(String column) {
		return this.merged.value(column);
	}

	Map<String, Long> fieldTimestamps() {
		return this.merged.timestamps();
	}

	Set<String> statesSeen() {
		return this.statesSeen;
	}

	long eventTimestamp() {
		return this.merged.eventTimestamp();
	}

	String rawPayload() {
		return this.merged.rawPayload();
	}

	long conversationId() {
		return this.conversationId;
	}

	void conversationId(long conversationId) {
		if (conversationId != this.conversationId) {
			this.conversationId = conversationId;
			this.changedOutsideMerge = true;
		}
	}

	/** The call ids this leg points at (master, entry point, operator). */
	Stream<Long> linkedCallIds() {
		return Stream.of(value("master_call_id"), value("entry_point_call_id"), value("operator_call_id"))
			.filter(Objects::nonNull)
			.map(Long.class::cast);
	}

	/**
	 * A person answered: connected, and either routed by an operator leg or ringing a
	 * user directly.
	 */
	boolean answered() {
		return value("connected_at") != null
				&& (value("operator_call_id") != null || "user".equals(value("target_type")));
	}

	boolean hasVoicemail() {
		return this.statesSeen.contains("voicemail") || this.statesSeen.contains("voicemail_uploaded")
				|| value("voicemail_link") != null;
	}

	boolean missed() {
		if (this.statesSeen.contains("missed")) {
			return true;
		}
		return this.statesSeen.contains("hangup") && value("connected_at") == null && !hasVoicemail()
				&& "inbound".equals(value("direction"));
	}

	/**
	 * Live from its first live state until it ends; a late or post-call event never makes
	 * it live again.
	 */
	boolean active() {
		return this.statesSeen.stream().anyMatch(LIVE_STATES::contains)
				&& this.statesSeen.stream().noneMatch(ENDING_STATES::contains) && value("ended_at") == null;
	}

	/** The Dialpad user the leg belongs to: its target when the target is a user. */
	@Nullable Long dialpadUserId() {
		return "user".equals(value("target_type")) ? (Long) value("target_id") : null;
	}

	/** The voicemail left on this leg, or null when none was. */
	@Nullable Voicemail voicemail() {
		if (!hasVoicemail()) {
			return null;
		}
		Map<String, Long> timestamps = new HashMap<>();
		VOICEMAIL_SOURCES.forEach((column, source) -> {
			Long timestamp = fieldTimestamps().get(source);
			if (timestamp != null) {
				timestamps.put(column, timestamp);
			}
		});
		OffsetDateTime started = (OffsetDateTime) value("voicemail_started_at");
		OffsetDateTime ended = (OffsetDateTime) value("ended_at");
		return new Voicemail(this.callId, (Long) value("voicemail_recording_id"), (String) value("external_number"),
				(Long) value("contact_id"), (String) value("contact_name"), (Long) value("target_id"),
				(String) value("target_type"), (String) value("target_name"), dialpadUserId(),
				(String) value("voicemail_link"), voicemailDuration(started, ended),
				(String) value("transcription_text"), (started != null) ? started : ended, eventTimestamp(),
				timestamps);
	}

	/**
	 * The voicemail recording's length when Dialpad lists it, else from the start of the
	 * voicemail to the end of the call.
	 */
	private @Nullable Long voicemailDuration(@Nullable OffsetDateTime started, @Nullable OffsetDateTime ended) {
		Long recorded = voicemailRecordingDuration();
		if (recorded != null) {
			return recorded;
		}
		return (started != null && ended != null && !ended.isBefore(started))
				? Duration.between(started, ended).toMillis() : null;
	}

	private @Nullable Long voicemailRecordingDuration() {
		Object details = value("recording_details");
		if (details == null) {
			return null;
		}
		try {
			for (JsonNode recording : json.readTree(details.toString())) {
				JsonNode duration = recording.get("duration");
				if ("voicemail".equals(recording.path("recording_type").asString()) && duration != null
						&& duration.isNumber()) {
					return Math.round(duration.doubleValue());
				}
			}
		}
		catch (JacksonException ex) {
			// not the shape Dialpad documents: no duration from it
		}
		return null;
	}

}
