/**
 * The trusted internal intake: calls the admin service backfills from Dialpad's call list
 * enter the pipeline here, through the same classifier and the same durable delivery as
 * webhooks, so that ingest stays the one producer of {@code cti.dialpad-events}.
 */
@NullMarked
package com.cti.ingest.intake;

import org.jspecify.annotations.NullMarked;
