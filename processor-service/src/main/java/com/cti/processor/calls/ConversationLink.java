package com.cti.processor.calls;

import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The links of one stored leg: what it points at and the conversation it is in.
 */
record ConversationLink(long callId, long conversationId, @Nullable Long masterCallId, @Nullable Long entryPointCallId,
		@Nullable Long operatorCallId) {

	Stream<Long> linkedCallIds() {
		return Stream.of(this.masterCallId, this.entryPointCallId, this.operatorCallId).filter(Objects::nonNull);
	}

	ConversationLink withConversationId(long id) {
		return new ConversationLink(this.callId, id, this.masterCallId, this.entryPointCallId, this.operatorCallId);
	}

}
