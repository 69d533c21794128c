/**
 * The Kafka wire contract between the CTI services: the event envelope, topic and header
 * names.
 */
@NullMarked
package com.cti.model;

import org.jspecify.annotations.NullMarked;
