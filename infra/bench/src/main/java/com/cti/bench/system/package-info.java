/**
 * The system under test: a Kafka broker process, PostgreSQL 17 and each service as its
 * own process.
 */
@NullMarked
package com.cti.bench.system;

import org.jspecify.annotations.NullMarked;
