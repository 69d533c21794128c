/**
 * The merge shared by every projection: each field keeps the value of the newest event
 * that carried one, so that a row is the same whatever order and however often its events
 * arrive; plus the SQL helpers that write merged rows in multi-row statements.
 */
@NullMarked
package com.cti.processor.merge;

import org.jspecify.annotations.NullMarked;
