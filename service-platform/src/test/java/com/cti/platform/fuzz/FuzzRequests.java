package com.cti.platform.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates requests for the operations of an API: each parameter omitted, valid or
 * hostile, sometimes given twice, sometimes an unknown one more, a valid, random or
 * malformed JSON body where the operation takes one, and one of the callers.
 */
public final class FuzzRequests {

	private final List<FuzzOperation> operations;

	private final Map<String, List<String>> knownValues;

	private final Arbitrary<FuzzCaller> callers;

	/**
	 * @param operations what to call
	 * @param knownValues valid values by parameter name (the seeded apps' ids, for
	 * example), besides the documented ones
	 * @param callers who calls
	 */
	public FuzzRequests(List<FuzzOperation> operations, Map<String, List<String>> knownValues,
			Arbitrary<FuzzCaller> callers) {
		this.operations = operations;
		this.knownValues = knownValues;
		this.callers = callers;
	}

	public Arbitrary<FuzzRequest> requests() {
		// no edge cases here: they would all be the first and last operations
		return Arbitraries.of(this.operations).withoutEdgeCases().flatMap(this::requests);
	}

	/**
	 * Requests for the operation: a third with valid values only, a third with a few
	 * hostile ones, a third mostly hostile.
	 */
	private Arbitrary<FuzzRequest> requests(FuzzOperation operation) {
		return Arbitraries.integers().between(0, 2).flatMap((hostility) -> requests(operation, hostility));
	}

	private Arbitrary<FuzzRequest> requests(FuzzOperation operation, int hostility) {
		List<Arbitrary<List<Map.Entry<String, String>>>> parameters = new ArrayList<>();
		for (FuzzParameter parameter : operation.parameters()) {
			parameters.add(parameter(parameter, hostility));
		}
		Arbitrary<List<List<Map.Entry<String, String>>>> all = parameters.isEmpty() ? Arbitraries.just(List.of())
				: Combinators.combine(parameters).as((lists) -> lists);
		Arbitrary<Optional<Tuple.Tuple2<String, String>>> body = (operation.bodyFields() != null)
				? FuzzBodies.bodies(operation.bodyFields()).map(Optional::of) : Arbitraries.just(Optional.empty());
		Arbitrary<Optional<Map.Entry<String, String>>> unknown = Arbitraries.frequencyOf(
				Tuple.of((hostility == 0) ? 1000 : 9, Arbitraries.just(Optional.empty())),
				Tuple.of(1, FuzzValues.hostile().map((value) -> Optional.of(Map.entry("unknown_param", value)))));
		return Combinators.combine(all, body, unknown, this.callers)
			.as((values, content, extra, caller) -> build(operation, values, content, extra, caller));
	}

	private Arbitrary<List<Map.Entry<String, String>>> parameter(FuzzParameter parameter, int hostility) {
		Arbitrary<String> value = FuzzValues.forParameter(parameter,
				this.knownValues.getOrDefault(parameter.name(), List.of()), hostility);
		if (parameter.in().equals("path")) {
			return value.map((one) -> List.of(Map.entry(parameter.name(), one)));
		}
		if (parameter.in().equals("header") && hostility > 0) {
			value = Arbitraries.oneOf(
					Arbitraries.of(parameter.validValues().isEmpty() ? List.of("1") : parameter.validValues()),
					FuzzValues.headerValue());
		}
		Arbitrary<String> given = value;
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.of())),
				Tuple.of(6, given.map((one) -> List.of(Map.entry(parameter.name(), one)))),
				Tuple.of(1,
						given.list()
							.ofSize(2)
							.map((two) -> two.stream().map((one) -> Map.entry(parameter.name(), one)).toList())));
	}

	private static FuzzRequest build(FuzzOperation operation, List<List<Map.Entry<String, String>>> values,
			Optional<Tuple.Tuple2<String, String>> body, Optional<Map.Entry<String, String>> unknown,
			FuzzCaller caller) {
		String path = operation.path();
		StringBuilder query = new StringBuilder();
		Map<String, String> headers = new LinkedHashMap<>(caller.headers());
		for (int i = 0; i < values.size(); i++) {
			FuzzParameter parameter = operation.parameters().get(i);
			for (Map.Entry<String, String> value : values.get(i)) {
				switch (parameter.in()) {
					case "path" -> path = path.replace("{" + parameter.name() + "}", encode(value.getValue()));
					case "header" -> headers.put(parameter.name(), value.getValue());
					default -> appendQuery(query, value);
				}
			}
		}
		unknown.ifPresent((value) -> appendQuery(query, value));
		String pathAndQuery = path + ((query.length() > 0) ? "?" + query : "");
		return new FuzzRequest(operation, operation.method(), pathAndQuery, Map.copyOf(headers),
				body.map(Tuple.Tuple2::get1).orElse(null), body.map(Tuple.Tuple2::get2).orElse(null), caller);
	}

	private static void appendQuery(StringBuilder query, Map.Entry<String, String> value) {
		query.append((query.length() > 0) ? "&" : "")
			.append(encode(value.getKey()))
			.append('=')
			.append(encode(value.getValue()));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
