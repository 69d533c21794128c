package com.cti.ingest.webhook;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * The read limits for everything a webhook body carries (the token's header, its payload,
 * plain JSON events): far above real Dialpad events (test-fixtures' largest: 6 levels
 * deep, strings of 238 characters, numbers of 16 digits, 18 KB) and far below what would
 * let a body cost more to parse than it is worth. Jackson's own defaults (500 levels,
 * 1,000 digits, strings of tens of MB, no document limit) are meant for every kind of
 * input.
 */
final class PayloadJson {

	static final int MAX_NESTING_DEPTH = 64;

	static final int MAX_STRING_LENGTH = 256 * 1024;

	static final int MAX_NUMBER_LENGTH = 64;

	static final long MAX_DOCUMENT_LENGTH = 1024 * 1024;

	static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
		.maxNestingDepth(MAX_NESTING_DEPTH)
		.maxStringLength(MAX_STRING_LENGTH)
		.maxNumberLength(MAX_NUMBER_LENGTH)
		.maxDocumentLength(MAX_DOCUMENT_LENGTH)
		.build();

	private PayloadJson() {
	}

	/** A mapper builder whose parser enforces {@link #CONSTRAINTS}. */
	static JsonMapper.Builder builder() {
		return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build());
	}

	static WebhookRejectedException tooComplex() {
		return new WebhookRejectedException(HttpStatus.BAD_REQUEST, "payload-too-complex",
				"The payload exceeds the read limits (nesting depth " + MAX_NESTING_DEPTH + ", strings of "
						+ MAX_STRING_LENGTH + " characters, numbers of " + MAX_NUMBER_LENGTH + " digits, "
						+ MAX_DOCUMENT_LENGTH + " bytes)");
	}

}
