package com.cti.admin.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What reconciling an app's subscriptions with Dialpad found (and, unless a dry run,
 * did). Each list holds {@code "<type>:<id>"} entries.
 *
 * @param appId the app
 * @param webhookId Dialpad's id of the app's webhook
 * @param dryRun whether nothing was changed
 * @param inSync recorded and at Dialpad, the same
 * @param updated recorded with settings that differ from Dialpad's (the record takes
 * Dialpad's)
 * @param adopted at Dialpad, delivering to the app's webhook, not recorded (now recorded)
 * @param missingAtDialpad recorded, gone at Dialpad (now marked deleted)
 */
record ReconcileReport(UUID appId, long webhookId, boolean dryRun, List<String> inSync, List<String> updated,
		List<String> adopted, List<String> missingAtDialpad) {

	static final class Builder {

		private final UUID appId;

		private final long webhookId;

		private final boolean dryRun;

		private final List<String> inSync = new ArrayList<>();

		private final List<String> updated = new ArrayList<>();

		private final List<String> adopted = new ArrayList<>();

		private final List<String> missingAtDialpad = new ArrayList<>();

		Builder(UUID appId, long webhookId, boolean dryRun) {
			this.appId = appId;
			this.webhookId = webhookId;
			this.dryRun = dryRun;
		}

		void inSync(SubscriptionType type, long id) {
			this.inSync.add(type.wireName() + ":" + id);
		}

		void updated(SubscriptionType type, long id) {
			this.updated.add(type.wireName() + ":" + id);
		}

		void adopted(SubscriptionType type, long id) {
			this.adopted.add(type.wireName() + ":" + id);
		}

		void missingAtDialpad(SubscriptionType type, long id) {
			this.missingAtDialpad.add(type.wireName() + ":" + id);
		}

		ReconcileReport build() {
			return new ReconcileReport(this.appId, this.webhookId, this.dryRun, List.copyOf(this.inSync),
					List.copyOf(this.updated), List.copyOf(this.adopted), List.copyOf(this.missingAtDialpad));
		}

	}

}
