/**
 * The processor service: turns the stream of Dialpad events into tables a client can
 * trust.
 */
@NullMarked
package com.cti.processor;

import org.jspecify.annotations.NullMarked;
