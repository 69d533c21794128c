/**
 * Measurement 3: query latencies on a large calls table, beside the same SQL run through
 * JDBC.
 */
@NullMarked
package com.cti.bench.queries;

import org.jspecify.annotations.NullMarked;
