/**
 * The change feed: a row in {@code change_events} for every call leg, message or
 * voicemail a batch changes, written in the batch's transaction, and a notification on
 * the {@code cti_changes} channel per app at commit.
 */
@NullMarked
package com.cti.processor.changes;

import org.jspecify.annotations.NullMarked;
