/**
 * What every service's log lines about an event carry: the event's id, app id and call id
 * as MDC entries, which the structured formats (ECS, Logstash, GELF) write as fields.
 */
@NullMarked
package com.cti.platform.logging;

import org.jspecify.annotations.NullMarked;
