/**
 * The whole CTI system in one process: embedded Kafka (KRaft), embedded PostgreSQL 17 and
 * the four services.
 */
@NullMarked
package com.cti.standalone;

import org.jspecify.annotations.NullMarked;
