package com.cti.processor.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One merged column of a projection and where in the payload its value comes from (the
 * first of its paths that holds a value).
 *
 * <p>
 * Between two values the one with the higher rank wins (a delivery status never moves
 * backwards); at equal rank the newer event wins (or the older one, for a field that
 * keeps the earliest); at equal times the larger value wins, so that the outcome never
 * depends on arrival order.
 */
public final class MergeField {

	private final String column;

	private final FieldType type;

	private final List<Function<JsonNode, @Nullable JsonNode>> sources;

	private final ToIntFunction<Object> rank;

	private final boolean earliestWins;

	private MergeField(String column, FieldType type, List<Function<JsonNode, @Nullable JsonNode>> sources,
			ToIntFunction<Object> rank, boolean earliestWins) {
		this.column = column;
		this.type = type;
		this.sources = List.copyOf(sources);
		this.rank = rank;
		this.earliestWins = earliestWins;
	}

	/** A field read from the given path of the payload. */
	public static MergeField of(String column, FieldType type, String... path) {
		return new MergeField(column, type, List.of(at(path)), (value) -> 0, false);
	}

	/** A field whose payload node is computed from the whole payload. */
	public static MergeField computed(String column, FieldType type, Function<JsonNode, @Nullable JsonNode> source) {
		return new MergeField(column, type, List.of(source), (value) -> 0, false);
	}

	/** The same field, read from another path when the first ones hold no value. */
	public MergeField or(String... path) {
		List<Function<JsonNode, @Nullable JsonNode>> sources = new ArrayList<>(this.sources);
		sources.add(at(path));
		return new MergeField(this.column, this.type, sources, this.rank, this.earliestWins);
	}

	/** The same field, where a value of a higher rank always wins over a lower one. */
	public MergeField rankedBy(ToIntFunction<Object> rank) {
		return new MergeField(this.column, this.type, this.sources, rank, this.earliestWins);
	}

	/** The same field, keeping the value of the oldest event instead of the newest. */
	public MergeField earliestWins() {
		return new MergeField(this.column, this.type, this.sources, this.rank, true);
	}

	public String column() {
		return this.column;
	}

	public FieldType type() {
		return this.type;
	}

	/** The field's value in the payload, or null when the payload holds none. */
	public @Nullable Object read(JsonNode payload) {
		for (Function<JsonNode, @Nullable JsonNode> source : this.sources) {
			Object value = this.type.read(source.apply(payload));
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/**
	 * Whether {@code value} from an event at {@code timestamp} replaces {@code current}
	 * (from an event at {@code currentTimestamp}).
	 */
	boolean wins(Object value, long timestamp, @Nullable Object current, @Nullable Long currentTimestamp) {
		if (current == null || currentTimestamp == null) {
			return true;
		}
		int byRank = Integer.compare(this.rank.applyAsInt(value), this.rank.applyAsInt(current));
		if (byRank != 0) {
			return byRank > 0;
		}
		if (timestamp != currentTimestamp) {
			return (timestamp > currentTimestamp) != this.earliestWins;
		}
		return !Objects.equals(value, current) && String.valueOf(value).compareTo(String.valueOf(current)) > 0;
	}

	private static Function<JsonNode, @Nullable JsonNode> at(String... path) {
		return (payload) -> {
			JsonNode node = payload;
			for (String name : path) {
				node = (node != null && node.isObject()) ? node.get(name) : null;
			}
			return node;
		};
	}

	@Override
	public String toString() {
		return this.column;
	}

}
