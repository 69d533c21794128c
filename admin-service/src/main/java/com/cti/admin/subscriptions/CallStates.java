package com.cti.admin.subscriptions;

import java.util.List;
import java.util.Set;

/**
 * Dialpad's {@code call_states} enum, and the states a CTI client needs by default.
 */
final class CallStates {

	/** The 32 values of the API spec's enum. */
	static final Set<String> KNOWN = Set.of("admin", "admin_recording", "ai_playbook", "all", "barge", "blocked",
			"call_transcription", "calling", "connected", "csat", "dispositions", "eavesdrop", "hangup", "hold",
			"merged", "missed", "monitor", "parked", "pcsat", "postcall", "preanswer", "queued", "recap_action_items",
			"recap_outcome", "recap_purposes", "recap_summary", "recording", "ringing", "takeover", "transcription",
			"voicemail", "voicemail_uploaded");

	/**
	 * What a CTI client needs: every live state, the end of a leg (hangup, missed,
	 * blocked), voicemail, and everything that adds data to an ended call. Left out:
	 * {@code all} (its meaning is not documented), {@code admin} and
	 * {@code admin_recording} (company-admin features).
	 */
	static final List<String> DEFAULT = List.of("preanswer", "calling", "ringing", "queued", "connected", "hold",
			"parked", "merged", "eavesdrop", "monitor", "barge", "takeover", "hangup", "missed", "blocked", "voicemail",
			"voicemail_uploaded", "postcall", "recording", "transcription", "call_transcription", "recap_summary",
			"recap_outcome", "recap_action_items", "recap_purposes", "ai_playbook", "csat", "pcsat", "dispositions");

	/** The spec's {@code target_type} values. */
	static final Set<String> TARGET_TYPES = Set.of("callcenter", "callrouter", "channel", "coachinggroup",
			"coachingteam", "department", "office", "room", "staffgroup", "user");

	static final Set<String> SMS_DIRECTIONS = Set.of("all", "inbound", "outbound");

	private CallStates() {
	}

}
