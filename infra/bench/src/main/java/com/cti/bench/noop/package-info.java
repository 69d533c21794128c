/**
 * The no-op webhook endpoint: the same HTTP stack as the ingest service, doing nothing.
 */
@NullMarked
package com.cti.bench.noop;

import org.jspecify.annotations.NullMarked;
