package com.cti.bench.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.cti.fixtures.DialpadFixtures;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixture lifecycles (the {@code test-fixtures} module's, or a directory of files of
 * the same names), compiled into templates, with the mix in which they are generated:
 * mostly calls, some SMS, a few other events.
 */
public final class FixtureLibrary {

	static final List<String> FILES = DialpadFixtures.NAMES;

	/** Relative weights by fixture name; a lifecycle not listed weighs 1. */
	private static final Map<String, Double> WEIGHTS = Map.of("call-answered-two-legs", 3.0, "call-outbound", 2.0,
			"call-missed", 1.5, "call-voicemail", 1.0, "sms", 2.0, "other-events", 0.2);

	private final List<Lifecycle> lifecycles;

	private final double[] cumulativeWeights;

	FixtureLibrary(List<Lifecycle> lifecycles) {
		this.lifecycles = List.copyOf(lifecycles);
		this.cumulativeWeights = new double[lifecycles.size()];
		double total = 0;
		for (int i = 0; i < lifecycles.size(); i++) {
			total += lifecycles.get(i).weight();
			this.cumulativeWeights[i] = total;
		}
	}

	/**
	 * Loads the fixtures from a directory, or from the test-fixtures module when it is
	 * null.
	 */
	public static FixtureLibrary load(@Nullable Path directory) {
		JsonMapper json = JsonMapper.builder().build();
		List<Lifecycle> lifecycles = new ArrayList<>();
		for (String file : FILES) {
			JsonNode events = read(json, directory, file).get("events");
			String name = file.replace(".json", "");
			double weight = WEIGHTS.getOrDefault(name, 1.0);
			if ("other-events".equals(name)) {
				for (int i = 0; i < events.size(); i++) {
					lifecycles.add(TemplateCompiler.compile(name + "#" + i, List.of(events.get(i)), weight, json));
				}
			}
			else {
				List<JsonNode> list = new ArrayList<>();
				events.forEach(list::add);
				lifecycles.add(TemplateCompiler.compile(name, list, weight, json));
			}
		}
		return new FixtureLibrary(lifecycles);
	}

	private static JsonNode read(JsonMapper json, @Nullable Path directory, String file) {
		try {
			if (directory != null) {
				return json.readTree(Files.readString(directory.resolve(file)));
			}
			return json.readTree(DialpadFixtures.text(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read fixture " + file, ex);
		}
	}

	public List<Lifecycle> lifecycles() {
		return this.lifecycles;
	}

	Lifecycle pick(SplittableRandom random) {
		double point = random.nextDouble() * this.cumulativeWeights[this.cumulativeWeights.length - 1];
		for (int i = 0; i < this.cumulativeWeights.length; i++) {
			if (point < this.cumulativeWeights[i]) {
				return this.lifecycles.get(i);
			}
		}
		return this.lifecycles.get(this.lifecycles.size() - 1);
	}

}
