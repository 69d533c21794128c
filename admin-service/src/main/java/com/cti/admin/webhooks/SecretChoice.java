package com.cti.admin.webhooks;

/**
 * Which secret an app's webhook gets.
 */
public enum SecretChoice {

	/** A strong random secret of its own (the default). */
	GENERATED("generated"),

	/** The global {@code DIALPAD_WEBHOOK_SECRET}, when the operator asks for it. */
	GLOBAL("global"),

	/** None: Dialpad sends plain JSON, which ingest then accepts for this app. */
	NONE("none");

	private final String source;

	SecretChoice(String source) {
		this.source = source;
	}

	/** The value stored in {@code dialpad_webhooks.secret_source}. */
	String source() {
		return this.source;
	}

	/** The choice an operator made with {@code signed} and {@code use_global_secret}. */
	public static SecretChoice of(boolean signed, boolean useGlobalSecret) {
		if (!signed) {
			return NONE;
		}
		return useGlobalSecret ? GLOBAL : GENERATED;
	}

}
