package com.cti.ingest.secrets;

import java.math.BigDecimal;
import java.time.Instant;

import com.cti.model.WebhookSecretsUpdated;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@link WebhookSecretsUpdated} record value, whether its writer named the fields
 * in camelCase (spring-kafka's default mapper) or snake_case (the services' web mapper),
 * and whether it wrote instants as ISO-8601 text or as epoch seconds.
 */
final class WebhookSecretsJson {

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private WebhookSecretsJson() {
	}

	/**
	 * Returns the update that the JSON describes.
	 * @throws IllegalArgumentException when it is not a valid update
	 */
	static WebhookSecretsUpdated read(@Nullable String key, String json) {
		JsonNode node = jsonMapper.readTree(json);
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("not a JSON object");
		}
		String appId = text(node, "appId", "app_id");
		if (appId == null) {
			appId = key;
		}
		if (appId == null) {
			throw new IllegalArgumentException("no app id");
		}
		JsonNode signed = field(node, "signed", "signed");
		Instant updatedAt = instant(node, "updatedAt", "updated_at");
		return new WebhookSecretsUpdated(appId, signed == null || signed.asBoolean(), text(node, "secret", "secret"),
				text(node, "previousSecret", "previous_secret"),
				instant(node, "previousSecretExpiresAt", "previous_secret_expires_at"),
				(updatedAt != null) ? updatedAt : Instant.EPOCH);
	}

	private static @Nullable JsonNode field(JsonNode node, String camel, String snake) {
		JsonNode value = node.get(camel);
		if (value == null) {
			value = node.get(snake);
		}
		return (value == null || value.isNull()) ? null : value;
	}

	private static @Nullable String text(JsonNode node, String camel, String snake) {
		JsonNode value = field(node, camel, snake);
		return (value != null) ? value.asString() : null;
	}

	private static @Nullable Instant instant(JsonNode node, String camel, String snake) {
		JsonNode value = field(node, camel, snake);
		if (value == null) {
			return null;
		}
		if (value.isNumber()) {
			BigDecimal seconds = value.decimalValue();
			// Jackson writes decimal seconds; a bare 13-digit number is milliseconds
			if (seconds.scale() <= 0 && seconds.compareTo(BigDecimal.valueOf(100_000_000_000L)) > 0) {
				return Instant.ofEpochMilli(seconds.longValue());
			}
			long whole = seconds.longValue();
			long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
			return Instant.ofEpochSecond(whole, nanos);
		}
		return Instant.parse(value.asString());
	}

}
