/**
 * SMS and MMS: one row per message with its latest delivery status.
 */
@NullMarked
package com.cti.processor.messages;

import org.jspecify.annotations.NullMarked;
