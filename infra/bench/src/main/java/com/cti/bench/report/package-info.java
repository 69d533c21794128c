/**
 * The results table, the machine description and BENCHMARKS.md.
 */
@NullMarked
package com.cti.bench.report;

import org.jspecify.annotations.NullMarked;
