/**
 * The ingest service: verifies, classifies and durably publishes Dialpad webhooks.
 */
@NullMarked
package com.cti.ingest;

import org.jspecify.annotations.NullMarked;
