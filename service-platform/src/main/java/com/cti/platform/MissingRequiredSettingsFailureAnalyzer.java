package com.cti.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports missing required settings by their environment variable names.
 */
class MissingRequiredSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingRequiredSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingRequiredSettingsException cause) {
		String action = "Set " + String.join(", ", cause.missing()) + " in the environment (see the README's"
				+ " configuration table)."
				+ (cause.missing().contains("DATABASE_URL")
						? " Instead of DATABASE_URL you may set DB_HOST, DB_PORT, DB_USER, DB_PASSWORD and DB_NAME."
						: "");
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
