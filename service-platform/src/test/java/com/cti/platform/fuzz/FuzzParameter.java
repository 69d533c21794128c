package com.cti.platform.fuzz;

import java.util.List;

/**
 * A parameter of an operation.
 *
 * @param name its name
 * @param in {@code path}, {@code query} or {@code header}
 * @param type its JSON schema type ({@code string}, {@code integer}, {@code boolean},
 * ...)
 * @param format its schema format ({@code int64}, {@code date-time}, ...), or empty
 * @param validValues values known to be valid (examples, enum values, the default)
 */
public record FuzzParameter(String name, String in, String type, String format, List<String> validValues) {

}
