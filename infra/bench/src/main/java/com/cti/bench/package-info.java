/**
 * The benchmark harness behind {@code ./cti bench}.
 */
@NullMarked
package com.cti.bench;

import org.jspecify.annotations.NullMarked;
