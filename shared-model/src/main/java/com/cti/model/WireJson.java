package com.cti.model;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeIdResolver;

/**
 * The one JSON mapper for the records of this package on Kafka: every producer and
 * consumer of a topic writes and reads them with it. The field names are the records' own
 * ({@code snake_case}, declared on each record with {@code @JsonNaming}, so that any
 * Jackson mapper spells them alike); this mapper pins the rest: instants and durations as
 * ISO-8601 text, nulls written, a field this version does not know ignored (a newer
 * writer may add one), and a field it does know required (a writer writes every field,
 * nulls included, so a record missing one is refused rather than read with a default).
 *
 * <p>
 * Records written before the format was pinned spell their fields in camelCase
 * (spring-kafka's default mapper). They stay on the topics (for ever on the compacted
 * ones, until their key is written again), so each record names its camelCase spellings
 * with {@code @JsonAlias}: they are read, never written. Likewise an {@link AppCommand}
 * without its {@code command} field, written before there was more than one kind, is read
 * as the {@link AppPurgeRequested} it is.
 */
public final class WireJson extends DeserializationProblemHandler {

	private static final JsonMapper mapper = JsonMapper.builder()
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.addHandler(new WireJson())
		.build();

	private WireJson() {
	}

	/** The mapper (immutable and thread-safe: share it). */
	public static JsonMapper mapper() {
		return mapper;
	}

	/**
	 * An app command without a {@code command} field is a purge (this class is its
	 * mapper's problem handler, so that Jackson's classes stay in this one class).
	 */
	@Override
	public @Nullable JavaType handleMissingTypeId(DeserializationContext ctxt, JavaType baseType,
			TypeIdResolver idResolver, String failureMsg) {
		return baseType.hasRawClass(AppCommand.class) ? ctxt.constructType(AppPurgeRequested.class) : null;
	}

}
