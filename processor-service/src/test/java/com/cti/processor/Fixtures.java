package com.cti.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared Dialpad fixtures ({@code ../../shared/fixtures} from the module directory):
 * realistic events, each file a {@code description} and its {@code events} in delivery
 * order.
 */
public final class Fixtures {

	public static final JsonMapper json = JsonMapper.builder().build();

	private static final Path DIRECTORY = Path.of("../../shared/fixtures");

	private Fixtures() {
	}

	/** The events of one fixture file, in the file's order. */
	public static List<JsonNode> events(String name) {
		Path file = directory().resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Fixture file " + file.toAbsolutePath().normalize() + " is missing");
		}
		JsonNode events = json.readTree(file.toFile()).get("events");
		List<JsonNode> result = new ArrayList<>();
		events.forEach(result::add);
		return result;
	}

	/** The names of every fixture file. */
	public static List<String> names() {
		try (Stream<Path> files = Files.list(directory())) {
			List<String> names = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".json"))
				.sorted()
				.toList();
			if (names.isEmpty()) {
				throw new IllegalStateException("No fixture files in " + directory().toAbsolutePath().normalize());
			}
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path directory() {
		if (!Files.isDirectory(DIRECTORY)) {
			throw new IllegalStateException("The shared fixtures are missing: expected the directory "
					+ DIRECTORY.toAbsolutePath().normalize() + " (../../shared/fixtures from the module directory)");
		}
		return DIRECTORY;
	}

}
