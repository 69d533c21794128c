package com.cti.model;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The wire contract: for every record, these exact bytes are what it is written as and
 * what is read back into it (field names, instant and duration format, nulls). A change
 * here breaks every service of another version that reads the topic.
 */
class WireJsonTests {

	private static final JsonMapper wire = WireJson.mapper();

	private static final DialpadEventReceived EVENT = new DialpadEventReceived(
			UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), null, EventKind.CALL,
			Instant.parse("2026-11-26T10:00:00.123Z"), "{\"call_id\": 1,\n \"state\":\"calling\"}", "3f46",
			DialpadEventReceived.CURRENT_SCHEMA_VERSION);

	private static final String EVENT_JSON = """
			{"event_id":"0f8fad5b-d9cb-469f-a165-70867728950e","app_id":null,"kind":"CALL",\
			"received_at":"2026-11-26T10:00:00.123Z","payload":"{\\"call_id\\": 1,\\n \\"state\\":\\"calling\\"}",\
			"content_hash":"3f46","schema_version":1}""";

	private static final WebhookSecretsUpdated ROTATED = new WebhookSecretsUpdated("app-1", true, "s2", "s1",
			Instant.parse("2026-11-27T10:15:30.500Z"), Instant.parse("2026-11-26T10:15:30Z"));

	private static final String ROTATED_JSON = """
			{"app_id":"app-1","signed":true,"secret":"s2","previous_secret":"s1",\
			"previous_secret_expires_at":"2026-11-27T10:15:30.500Z","updated_at":"2026-11-26T10:15:30Z"}""";

	/**
	 * As the admin service writes them now: each secret sealed with CTI_ENCRYPTION_KEY
	 * for its app and field ("sealed:v1:" and the base64 of Tink's AES-256-GCM
	 * ciphertext; service-platform's WebhookSecretsSeal), in the same fields as the clear
	 * form that the records written before carry.
	 */
	private static final WebhookSecretsUpdated SEALED = new WebhookSecretsUpdated("app-1", true,
			"sealed:v1:AdYxCEOvDbGvJNP9Zy2G5cUt0bQm0xXz4A==", "sealed:v1:AdYxCEMDq7N1nqp0fxjxlTnw5e+Xo9I=",
			Instant.parse("2026-11-27T10:15:30.500Z"), Instant.parse("2026-11-26T10:15:30Z"));

	private static final String SEALED_JSON = """
			{"app_id":"app-1","signed":true,"secret":"sealed:v1:AdYxCEOvDbGvJNP9Zy2G5cUt0bQm0xXz4A==",\
			"previous_secret":"sealed:v1:AdYxCEMDq7N1nqp0fxjxlTnw5e+Xo9I=",\
			"previous_secret_expires_at":"2026-11-27T10:15:30.500Z","updated_at":"2026-11-26T10:15:30Z"}""";

	private static final WebhookSecretsUpdated UNSIGNED = new WebhookSecretsUpdated("app-2", false, null, null, null,
			Instant.parse("2026-11-26T10:15:30Z"));

	private static final String UNSIGNED_JSON = """
			{"app_id":"app-2","signed":false,"secret":null,"previous_secret":null,\
			"previous_secret_expires_at":null,"updated_at":"2026-11-26T10:15:30Z"}""";

	private static final AppPurgeRequested PURGE = new AppPurgeRequested("5b0e7d4c-0000-4000-8000-00000000d3fa",
			Instant.parse("2026-11-26T10:00:00Z"), "admin");

	private static final String PURGE_JSON = """
			{"app_id":"5b0e7d4c-0000-4000-8000-00000000d3fa","requested_at":"2026-11-26T10:00:00Z",\
			"requested_by":"admin"}""";

	private static final ReplayEvent REPLAY = new ReplayEvent(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
			UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"), "5b0e7d4c-0000-4000-8000-00000000d3fa",
			Instant.parse("2026-11-26T10:00:00.250Z"), "dave");

	private static final String REPLAY_JSON = """
			{"command":"replay_event","event_id":"0f8fad5b-d9cb-469f-a165-70867728950e",\
			"new_event_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","app_id":"5b0e7d4c-0000-4000-8000-00000000d3fa",\
			"requested_at":"2026-11-26T10:00:00.250Z","requested_by":"dave"}""";

	private static final AssignEvent ASSIGN = new AssignEvent(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
			UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"), "5b0e7d4c-0000-4000-8000-00000000d3fa",
			Instant.parse("2026-11-26T10:00:00Z"), "internal-api");

	private static final String ASSIGN_JSON = """
			{"command":"assign_event","event_id":"0f8fad5b-d9cb-469f-a165-70867728950e",\
			"new_event_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","app_id":"5b0e7d4c-0000-4000-8000-00000000d3fa",\
			"requested_at":"2026-11-26T10:00:00Z","requested_by":"internal-api"}""";

	private static final IngestStatus STATUS = new IngestStatus("ingest-1:8081", 7, 700,
			Instant.parse("2026-11-26T10:00:00.001Z"), Duration.ofSeconds(10));

	private static final String STATUS_JSON = """
			{"instance_id":"ingest-1:8081","spool_depth":7,"spool_bytes":700,\
			"reported_at":"2026-11-26T10:00:00.001Z","interval":"PT10S"}""";

	@Test
	void writesAndReadsTheEventEnvelope() {
		assertContract(EVENT, EVENT_JSON);
		assertThat(read(EVENT_JSON, DialpadEventReceived.class).payload()).as("the payload exactly as received")
			.isEqualTo(EVENT.payload());
	}

	@Test
	void writesAndReadsWebhookSecrets() {
		assertContract(SEALED, SEALED_JSON);
		assertContract(UNSIGNED, UNSIGNED_JSON);
		assertContract(ROTATED, ROTATED_JSON);
		assertThat(read(ROTATED_JSON, WebhookSecretsUpdated.class)).as("the clear form, written before the seal")
			.isEqualTo(ROTATED);
	}

	@Test
	void writesAndReadsThePurgeCommand() {
		assertContract(PURGE, PURGE_JSON);
	}

	@Test
	void writesAndReadsTheReplayAndAssignCommands() {
		assertContract(REPLAY, REPLAY_JSON);
		assertContract(ASSIGN, ASSIGN_JSON);
	}

	@Test
	void readsEveryCommandOfTheTopicByItsCommandField() {
		assertThat(read(REPLAY_JSON, AppCommand.class)).isEqualTo(REPLAY);
		assertThat(read(ASSIGN_JSON, AppCommand.class)).isEqualTo(ASSIGN);
		assertThat(read(PURGE_JSON, AppCommand.class)).as("a purge, written without the field").isEqualTo(PURGE);
		assertThat(read(PURGE_JSON.replace("{", "{\"command\":\"purge_app\","), AppCommand.class)).isEqualTo(PURGE);
		assertThat(new String(wire.writerFor(AppCommand.class).writeValueAsBytes(REPLAY), StandardCharsets.UTF_8))
			.isEqualTo(REPLAY_JSON);
	}

	@Test
	void readsThePurgeCommandsWrittenBeforeThereWereOtherCommands() {
		// as they stay on the app commands topic: without a command field, camelCase or
		// snake_case
		assertThat(read("""
				{"appId":"5b0e7d4c-0000-4000-8000-00000000d3fa","requestedAt":"2026-11-26T10:00:00Z",\
				"requestedBy":"admin"}""", AppCommand.class)).isEqualTo(PURGE);
		assertThatException().as("only the wire mapper knows that a command without the field is a purge")
			.isThrownBy(() -> JsonMapper.builder().build().readValue(PURGE_JSON, AppCommand.class));
	}

	@Test
	void refusesACommandOfAnUnknownKind() {
		assertThatException().as("never read as a purge, whose fields it has")
			.isThrownBy(() -> read(REPLAY_JSON.replace("replay_event", "reticulate_splines"), AppCommand.class));
		assertThatException()
			.isThrownBy(() -> read(REPLAY_JSON.replace("replay_event", "assign_event"), ReplayEvent.class));
		assertThatException().as("a replay needs the copy's id")
			.isThrownBy(
					() -> read(REPLAY_JSON.replace("\"new_event_id\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",", ""),
							AppCommand.class));
	}

	@Test
	void writesAndReadsTheIngestStatus() {
		assertContract(STATUS, STATUS_JSON);
	}

	@Test
	void anyJacksonMapperWritesTheSameFieldNames() {
		JsonMapper plain = JsonMapper.builder().build();

		assertThat(plain.writeValueAsString(EVENT)).isEqualTo(EVENT_JSON);
		assertThat(plain.writeValueAsString(ROTATED)).isEqualTo(ROTATED_JSON);
		assertThat(plain.writeValueAsString(PURGE)).isEqualTo(PURGE_JSON);
		assertThat(plain.writeValueAsString(REPLAY)).isEqualTo(REPLAY_JSON);
		assertThat(plain.writeValueAsString(ASSIGN)).isEqualTo(ASSIGN_JSON);
		assertThat(plain.writeValueAsString(STATUS)).isEqualTo(STATUS_JSON);
	}

	@Test
	void readsTheCamelCaseRecordsWrittenBeforeTheFormatWasPinned() {
		// as spring-kafka's default mapper wrote them, and as they stay on the topics
		assertThat(read("""
				{"eventId":"0f8fad5b-d9cb-469f-a165-70867728950e","appId":null,"kind":"CALL",\
				"receivedAt":"2026-11-26T10:00:00.123Z","payload":"{\\"call_id\\": 1,\\n \\"state\\":\\"calling\\"}",\
				"contentHash":"3f46","schemaVersion":1}""", DialpadEventReceived.class)).isEqualTo(EVENT);
		assertThat(read("""
				{"appId":"app-1","signed":true,"secret":"s2","previousSecret":"s1",\
				"previousSecretExpiresAt":"2026-11-27T10:15:30.500Z","updatedAt":"2026-11-26T10:15:30Z"}""",
				WebhookSecretsUpdated.class))
			.isEqualTo(ROTATED);
		assertThat(read("""
				{"appId":"5b0e7d4c-0000-4000-8000-00000000d3fa","requestedAt":"2026-11-26T10:00:00Z",\
				"requestedBy":"admin"}""", AppPurgeRequested.class)).isEqualTo(PURGE);
		assertThat(read("""
				{"instanceId":"ingest-1:8081","spoolDepth":7,"spoolBytes":700,\
				"reportedAt":"2026-11-26T10:00:00.001Z","interval":"PT10S"}""", IngestStatus.class)).isEqualTo(STATUS);
	}

	@Test
	void ignoresAFieldANewerWriterAdded() {
		assertThat(read(PURGE_JSON.replace("}", ",\"reason\":\"gdpr\"}"), AppPurgeRequested.class)).isEqualTo(PURGE);
	}

	@Test
	void refusesARecordMissingAFieldOrBreakingItsInvariants() {
		assertThatException().as("no default for a missing field: an unsigned webhook is no accident")
			.isThrownBy(() -> read(ROTATED_JSON.replace("\"signed\":true,", ""), WebhookSecretsUpdated.class));
		assertThatException().isThrownBy(
				() -> read(ROTATED_JSON.replace("\"secret\":\"s2\"", "\"secret\":null"), WebhookSecretsUpdated.class));
		assertThatException().isThrownBy(() -> read("[]", WebhookSecretsUpdated.class));
	}

	private static <T> void assertContract(T record, String json) {
		assertThat(new String(wire.writeValueAsBytes(record), StandardCharsets.UTF_8)).isEqualTo(json);
		assertThat(read(json, record.getClass())).isEqualTo(record);
	}

	private static <T> T read(String json, Class<T> type) {
		return wire.readValue(json.getBytes(StandardCharsets.UTF_8), type);
	}

}
