/**
 * The single-node KRaft broker of the standalone launcher, the tests and the benchmark.
 */
@NullMarked
package com.cti.kafka;

import org.jspecify.annotations.NullMarked;
