/**
 * Measurement 5: resident memory and start-up times.
 */
@NullMarked
package com.cti.bench.footprint;

import org.jspecify.annotations.NullMarked;
