package com.cti.processor.rebuild;

/**
 * What a rebuild did.
 *
 * @param eventsApplied the attributed call and SMS events projected again
 * @param calls the {@code calls} rows afterwards
 * @param messages the {@code messages} rows afterwards
 * @param voicemails the {@code voicemails} rows afterwards
 * @param changes the rows that differ from before the rebuild (new, changed or gone),
 * each written to {@code change_events}
 * @param tookMs how long it took, in milliseconds
 */
public record RebuildReport(long eventsApplied, long calls, long messages, long voicemails, long changes, long tookMs) {
}
