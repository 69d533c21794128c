/**
 * What every CTI service runs on: database settings from {@code DATABASE_URL},
 * required-setting checks, {@code GET /health} and the Kafka health indicator. Each
 * service's Flyway scripts live in its own module ({@code schema} migrates them).
 */
@NullMarked
package com.cti.platform;

import org.jspecify.annotations.NullMarked;
