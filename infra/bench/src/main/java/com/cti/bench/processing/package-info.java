/**
 * Measurement 2: events/s from a Kafka backlog into all projections, beside a COPY of the
 * same rows.
 */
@NullMarked
package com.cti.bench.processing;

import org.jspecify.annotations.NullMarked;
