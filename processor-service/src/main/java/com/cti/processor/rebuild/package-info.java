/**
 * Rebuild: recomputes every projection from the raw event log, as a custom actuator
 * endpoint ({@code POST /actuator/rebuild}) and as a command ({@code rebuild}).
 */
@NullMarked
package com.cti.processor.rebuild;

import org.jspecify.annotations.NullMarked;
