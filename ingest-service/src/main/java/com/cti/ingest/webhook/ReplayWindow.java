package com.cti.ingest.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.cti.ingest.IngestProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refuses a captured event posted again long after Dialpad sent it: a token whose
 * {@code iat} is older than the window, or a payload whose {@code event_timestamp} (ms)
 * is further than the window in the past or the future. Each is checked only when present
 * and an integer. The window must stay far wider than Dialpad's retries (about 15 s for
 * calls, about 4 hours for SMS): Dialpad never retries a 4xx, so an event refused here is
 * lost for good. Deduplication hides a replay from the projections, but the raw log and
 * the spool would still grow.
 */
@Component
class ReplayWindow {

	private final JsonMapper json = PayloadJson.builder().build();

	private final Duration window;

	private final Clock clock;

	ReplayWindow(IngestProperties properties, Clock clock) {
		this.window = properties.replayWindow();
		this.clock = clock;
	}

	/**
	 * Checks the verified payload against the window.
	 * @throws WebhookRejectedException (401 {@code token-outside-window}) when it is
	 * outside
	 */
	void check(String payload) {
		JsonNode node = parse(payload);
		Instant now = this.clock.instant();
		Instant earliest = now.minus(this.window);
		Instant issuedAt = instant(node.get("iat"), true);
		if (issuedAt != null && issuedAt.isBefore(earliest)) {
			throw outside("The token was issued (iat) more than " + this.window + " ago");
		}
		Instant eventAt = instant(node.get("event_timestamp"), false);
		if (eventAt != null && (eventAt.isBefore(earliest) || eventAt.isAfter(now.plus(this.window)))) {
			throw outside("The event's event_timestamp is more than " + this.window + " away from now");
		}
	}

	private JsonNode parse(String payload) {
		try {
			return this.json.readTree(payload);
		}
		catch (JacksonException ex) {
			// the verifier has parsed it already, with the same limits
			throw PayloadJson.tooComplex();
		}
	}

	private static @Nullable Instant instant(@Nullable JsonNode value, boolean seconds) {
		if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
			return null;
		}
		long number = value.longValue();
		try {
			return seconds ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
		}
		catch (RuntimeException ex) {
			// beyond Instant's range: as far outside any window as it gets
			return Instant.MIN;
		}
	}

	private static WebhookRejectedException outside(String message) {
		return new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "token-outside-window", message);
	}

}
