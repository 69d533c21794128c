package com.cti.platform;

import java.util.List;

/**
 * Thrown at start-up when required settings are missing;
 * {@link MissingRequiredSettingsFailureAnalyzer} turns it into a short report without a
 * stack trace.
 */
public class MissingRequiredSettingsException extends IllegalStateException {

	private final List<String> missing;

	MissingRequiredSettingsException(List<String> missing) {
		super("Missing required setting(s): " + String.join(", ", missing));
		this.missing = List.copyOf(missing);
	}

	public List<String> missing() {
		return this.missing;
	}

}
