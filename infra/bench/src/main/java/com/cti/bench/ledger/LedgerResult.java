package com.cti.bench.ledger;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the ledger check found for one section.
 *
 * @param section the section
 * @param accepted distinct events that got a 2xx
 * @param foundOnce found exactly once in {@code webhook_events}
 * @param unattributed of those, found as unattributed (no app)
 * @param duplicated found more than once
 * @param missing not found in {@code webhook_events}
 * @param inDeadLetter of the missing ones, found on the dead-letter topic
 * @param callLegs distinct call legs among the accepted events (attributed)
 * @param callLegsMissing of those, legs without a row in {@code calls}
 * @param messages distinct SMS messages among the accepted events
 * @param messagesMissing of those, messages without a row in {@code messages} (-1 when
 * not checked)
 * @param note why something was not checked, or null
 * @param drained whether the processor caught up before the check
 */
public record LedgerResult(String section, long accepted, long foundOnce, long unattributed, long duplicated,
		long missing, long inDeadLetter, long callLegs, long callLegsMissing, long messages, long messagesMissing,
		@Nullable String note, boolean drained) {

	/**
	 * Balanced when the processor caught up and every accepted event is accounted for
	 * exactly once, in the raw log or on the dead-letter topic, and every call leg (and
	 * message, when that projection exists) has its row.
	 */
	public boolean balanced() {
		return this.drained && this.duplicated == 0 && this.missing == this.inDeadLetter && this.callLegsMissing == 0
				&& this.messagesMissing <= 0;
	}

	public String describe() {
		List<String> parts = new ArrayList<>();
		parts.add(String.format("%,d accepted", this.accepted));
		parts.add(String.format("%,d found once in webhook_events", this.foundOnce));
		if (this.unattributed > 0) {
			parts.add(String.format("(%,d of them unattributed)", this.unattributed));
		}
		if (this.duplicated > 0) {
			parts.add(String.format("%,d DUPLICATED", this.duplicated));
		}
		parts.add(String.format("%,d missing", this.missing - this.inDeadLetter));
		parts.add(String.format("%,d on the dead-letter topic", this.inDeadLetter));
		parts.add(String.format("calls: %,d/%,d legs have their row", this.callLegs - this.callLegsMissing,
				this.callLegs));
		if (this.messagesMissing >= 0) {
			parts.add(String.format("messages: %,d/%,d have their row", this.messages - this.messagesMissing,
					this.messages));
		}
		if (!this.drained) {
			parts.add("the processor had NOT caught up");
		}
		if (this.note != null) {
			parts.add(this.note);
		}
		return (balanced() ? "balanced: " : "UNBALANCED: ") + String.join(", ", parts);
	}

}
