/**
 * Open-loop load generation: requests scheduled at a fixed rate, latency measured from
 * the scheduled time.
 */
@NullMarked
package com.cti.bench.load;

import org.jspecify.annotations.NullMarked;
