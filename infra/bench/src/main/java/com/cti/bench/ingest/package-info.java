/**
 * Measurement 1: the highest ingest rate with p99 under the limit, beside a no-op
 * endpoint on the same HTTP stack.
 */
@NullMarked
package com.cti.bench.ingest;

import org.jspecify.annotations.NullMarked;
