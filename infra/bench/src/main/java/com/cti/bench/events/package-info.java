/**
 * Realistic signed Dialpad events generated from the fixture lifecycles, with fresh ids
 * and timestamps.
 */
@NullMarked
package com.cti.bench.events;

import org.jspecify.annotations.NullMarked;
