package com.cti.processor.merge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading payload values: what counts as no value, and values that must not break a
 * batch.
 */
class FieldTypeTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsSixteenDigitIdsExactlyFromNumbersAndStrings() {
		assertThat(FieldType.LONG.read(node("6400000000000101"))).isEqualTo(6400000000000101L);
		assertThat(FieldType.LONG.read(node("\"6400000000000103\""))).isEqualTo(6400000000000103L);
		assertThat(FieldType.LONG.read(node("\"not a number\""))).isNull();
		assertThat(FieldType.LONG.read(node("{}"))).isNull();
	}

	@Test
	void treatsZeroDurationsAsNotKnownYetAndRoundsFloats() {
		assertThat(FieldType.MILLIS.read(node("0"))).isNull();
		assertThat(FieldType.MILLIS.read(node("187300.4"))).isEqualTo(187300L);
		assertThat(FieldType.MILLIS.read(node("null"))).isNull();
	}

	@Test
	void readsEpochMillisAndIgnoresImpossibleTimes() {
		assertThat(FieldType.TIMESTAMP.read(node("1764158400000")))
			.isEqualTo(OffsetDateTime.ofInstant(Instant.ofEpochMilli(1764158400000L), ZoneOffset.UTC));
		assertThat(FieldType.TIMESTAMP.read(node("0"))).isNull();
		assertThat(FieldType.TIMESTAMP.read(node("9223372036854775807"))).isNull();
	}

	@Test
	void treatsBlankAndEmptyAsNoValue() {
		assertThat(FieldType.TEXT.read(node("\"  \""))).isNull();
		assertThat(FieldType.JSON.read(node("[]"))).isNull();
		assertThat(FieldType.JSON.read(node("{}"))).isNull();
		assertThat(FieldType.FLAG.read(node("false"))).isNull();
		assertThat(FieldType.BOOLEAN.read(node("false"))).isEqualTo(false);
		assertThat(FieldType.TEXT_LIST.read(node("[]"))).isNull();
	}

	@Test
	void readsListsOfNumbersFromArraysOrASingleText() {
		assertThat(FieldType.TEXT_LIST.read(node("[\"+14155550142\", \"\", \"+14155550143\"]")))
			.isEqualTo(List.of("+14155550142", "+14155550143"));
		assertThat(FieldType.TEXT_LIST.read(node("\"+14155550142\""))).isEqualTo(List.of("+14155550142"));
	}

	@Test
	void givesJsonOneTextFormWhateverTheKeyOrder() {
		Object first = FieldType.JSON.read(node("[{\"url\": \"u\", \"id\": 1, \"duration\": 2.5}]"));
		Object second = FieldType.JSON.read(node("[{\"duration\":2.5,\"id\":1,\"url\":\"u\"}]"));

		assertThat(first).isEqualTo(second).isEqualTo("[{\"duration\":2.5,\"id\":1,\"url\":\"u\"}]");
	}

	@Test
	void dropsNulCharactersThatPostgresqlCannotStore() {
		assertThat(FieldType.TEXT.read(node("\"a\\u0000b\""))).isEqualTo("ab");
		assertThat(FieldType.JSON.read(node("[\"a\\u0000b\"]"))).isEqualTo("[\"ab\"]");
	}

	private static JsonNode node(String text) {
		return json.readTree(text);
	}

}
