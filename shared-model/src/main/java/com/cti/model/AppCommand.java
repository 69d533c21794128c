package com.cti.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A command from the admin service to the processor about one app, on
 * {@link Topics#APP_COMMANDS} keyed by {@link #appId()}. Several kinds share the topic,
 * so each names itself in a {@code command} field, and a kind this version does not know
 * is refused. A record without the field is an {@link AppPurgeRequested}, the only kind
 * there was before the field (it still writes none, so its bytes stay as they were):
 * {@link WireJson}'s mapper reads it so. (Not a {@code defaultImpl}: that would read a
 * command of an unknown kind as a purge.) On the wire as {@link WireJson} says.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "command")
@JsonSubTypes({ @JsonSubTypes.Type(value = AppPurgeRequested.class, name = "purge_app"),
		@JsonSubTypes.Type(value = ReplayEvent.class, name = "replay_event"),
		@JsonSubTypes.Type(value = AssignEvent.class, name = "assign_event") })
public sealed interface AppCommand permits AppPurgeRequested, ReplayEvent, AssignEvent {

	/** The app the command is about, as text (the record's Kafka key). */
	String appId();

}
