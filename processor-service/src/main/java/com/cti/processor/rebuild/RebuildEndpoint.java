package com.cti.processor.rebuild;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/rebuild}: recomputes every projection from the raw event log and
 * answers with a {@link RebuildReport}. This instance's consumer is paused meanwhile (the
 * other instances wait on the table locks).
 */
@Component
@Endpoint(id = "rebuild")
public class RebuildEndpoint {

	private final ProjectionRebuild rebuild;

	private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

	RebuildEndpoint(ProjectionRebuild rebuild, ObjectProvider<KafkaListenerEndpointRegistry> registry) {
		this.rebuild = rebuild;
		this.registry = registry;
	}

	@WriteOperation
	public RebuildReport rebuild() {
		MessageListenerContainer container = container();
		if (container != null) {
			container.pause();
		}
		try {
			return this.rebuild.rebuild();
		}
		finally {
			if (container != null) {
				container.resume();
			}
		}
	}

	private @Nullable MessageListenerContainer container() {
		KafkaListenerEndpointRegistry endpoints = this.registry.getIfAvailable();
		return (endpoints != null) ? endpoints.getListenerContainer("cti-processor") : null;
	}

}
