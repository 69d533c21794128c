/**
 * What every CTI service runs on: database settings from {@code DATABASE_URL},
 * required-setting checks, {@code GET /health} and the Kafka health indicator. The Flyway
 * schema lives in this module's resources.
 */
@NullMarked
package com.cti.platform;

import org.jspecify.annotations.NullMarked;
