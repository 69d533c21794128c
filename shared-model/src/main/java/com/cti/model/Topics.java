package com.cti.model;

/**
 * Kafka topic names shared by the services.
 */
public final class Topics {

	/** Every accepted Dialpad event, keyed by call id (calls) or message id (SMS). */
	public static final String DIALPAD_EVENTS = "cti.dialpad-events";

	/** Events the processor could not apply after its retries (poison records). */
	public static final String DIALPAD_EVENTS_DLT = DIALPAD_EVENTS + "-dlt";

	/**
	 * Per-app webhook secrets ({@link WebhookSecretsUpdated}), compacted and keyed by app
	 * id: written by the admin service, read in full by every ingest instance.
	 */
	public static final String WEBHOOK_SECRETS = "cti.webhook-secrets";

	/**
	 * Commands about one app ({@link AppCommand}: purge its data, replay or assign one of
	 * its events), keyed by app id: written by the admin service, read by the processor.
	 */
	public static final String APP_COMMANDS = "cti.app-commands";

	/**
	 * The status of each ingest instance ({@link IngestStatus}), compacted and keyed by
	 * instance id, one partition: written by every ingest instance, read by the admin
	 * service. A tombstone means the instance stopped cleanly.
	 */
	public static final String INGEST_STATUS = "cti.ingest-status";

	private Topics() {
	}

}
