/**
 * Measurement 4: time from a webhook's 200 to the change being visible in the API and on
 * the stream.
 */
@NullMarked
package com.cti.bench.freshness;

import org.jspecify.annotations.NullMarked;
