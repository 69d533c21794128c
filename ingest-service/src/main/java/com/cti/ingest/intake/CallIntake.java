package com.cti.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.cti.ingest.IngestProperties;
import com.cti.ingest.delivery.Delivery;
import com.cti.ingest.delivery.EventNotDurableException;
import com.cti.ingest.delivery.EventPublisher;
import com.cti.ingest.webhook.EventClassifier;
import com.cti.ingest.webhook.EventClassifier.ClassifiedEvent;
import com.cti.model.DialpadEventReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Takes a batch of calls as Dialpad's call list returns them to the pipeline: every call
 * is checked before the first is published (a bad batch publishes nothing; no call may be
 * larger than a webhook, {@code CTI_INGEST_MAX_BODY_SIZE}), then each is classified as a
 * webhook of that call would be, wrapped in the envelope and made durable by the
 * webhooks' own publisher (Kafka, or the spool while Kafka is away), in the batch's
 * order.
 */
@Service
class CallIntake {

	private static final Logger logger = LoggerFactory.getLogger(CallIntake.class);

	/** Dialpad's ids are 64-bit integers, given as JSON numbers or strings. */
	private static final Pattern CALL_ID = Pattern.compile("[0-9]{1,19}");

	private final JsonMapper jsonMapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final EventClassifier classifier;

	private final EventPublisher publisher;

	private final IntakeProperties properties;

	private final IntakeMetrics metrics;

	private final DataSize maxCallSize;

	private final Clock clock;

	CallIntake(EventClassifier classifier, EventPublisher publisher, IntakeProperties properties,
			IngestProperties ingestProperties, IntakeMetrics metrics, Clock clock) {
		this.classifier = classifier;
		this.publisher = publisher;
		this.properties = properties;
		this.maxCallSize = ingestProperties.maxBodySize();
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Publishes every call of the body durably, or none when the body is bad.
	 * @param appId the app the calls belong to
	 * @param body a JSON array of call objects, or an object with such an array as
	 * {@code calls}
	 * @return how many calls were accepted, and how many of them went to the spool
	 * @throws IntakeRejectedException when the body is bad (nothing was published)
	 * @throws CallsNotDurableException when a call could not be made durable (the ones
	 * before it were)
	 */
	CallsAccepted accept(UUID appId, byte[] body) {
		List<JsonNode> calls = calls(body);
		List<ClassifiedEvent> classified = new ArrayList<>(calls.size());
		List<String> payloads = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			classified.add(classify(i, calls.get(i)));
			payloads.add(payload(i, calls.get(i)));
		}
		int spooled = 0;
		for (int i = 0; i < calls.size(); i++) {
			var event = new DialpadEventReceived(UUID.randomUUID(), appId.toString(), classified.get(i).kind(),
					this.clock.instant(), payloads.get(i), classified.get(i).contentHash(),
					DialpadEventReceived.CURRENT_SCHEMA_VERSION);
			Delivery delivery;
			try {
				delivery = this.publisher.publish(event, classified.get(i).key());
			}
			catch (EventNotDurableException ex) {
				throw new CallsNotDurableException(i, calls.size(), ex);
			}
			this.metrics.accepted(delivery);
			spooled += (delivery == Delivery.SPOOL) ? 1 : 0;
		}
		logger.info("Intake took {} calls for app {} ({} of them spooled)", calls.size(), appId, spooled);
		return new CallsAccepted(calls.size(), spooled);
	}

	private List<JsonNode> calls(byte[] body) {
		JsonNode root;
		try {
			root = this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			root = null;
		}
		if (root == null || root.isMissingNode()) {
			throw rejected("not-json", "The body is not JSON");
		}
		JsonNode array = root.isObject() ? root.get("calls") : root;
		if (array == null || !array.isArray()) {
			throw rejected("not-an-array", "The body must be a JSON array of calls, or an object whose 'calls' is one");
		}
		if (array.size() > this.properties.maxCalls()) {
			throw new IntakeRejectedException(HttpStatus.CONTENT_TOO_LARGE, "too-many-calls", "The body has "
					+ array.size() + " calls; at most " + this.properties.maxCalls() + " are taken at once");
		}
		List<JsonNode> calls = new ArrayList<>(array.size());
		array.forEach(calls::add);
		return calls;
	}

	private ClassifiedEvent classify(int index, JsonNode call) {
		if (!call.isObject()) {
			throw rejected("call-not-object", "Item " + index + " is not a JSON object");
		}
		ClassifiedEvent classified = this.classifier.classifyConcludedCall(call);
		if (classified.key() == null || !CALL_ID.matcher(classified.key()).matches()) {
			throw rejected("call-without-id",
					"Item " + index + " has no call_id (a 64-bit integer, as a JSON number or a string of digits)");
		}
		return classified;
	}

	/** The call's JSON, no larger than a webhook of it may be. */
	private String payload(int index, JsonNode call) {
		String payload = this.jsonMapper.writeValueAsString(call);
		long limit = this.maxCallSize.toBytes();
		if (payload.getBytes(StandardCharsets.UTF_8).length > limit) {
			throw new IntakeRejectedException(HttpStatus.CONTENT_TOO_LARGE, "call-too-large",
					"Item " + index + " is larger than the limit of " + limit + " bytes that a webhook has");
		}
		return payload;
	}

	private static IntakeRejectedException rejected(String reason, String message) {
		return new IntakeRejectedException(HttpStatus.BAD_REQUEST, reason, message);
	}

	/**
	 * The answer: every call is durable.
	 *
	 * @param accepted calls accepted
	 * @param spooled of them, those written to the spool (Kafka was away): they reach
	 * Kafka once it is back
	 */
	record CallsAccepted(int accepted, int spooled) {
	}

}
