package com.cti.admin.subscriptions;

import java.util.Locale;

import com.cti.admin.dialpad.ProvisioningProblems;

/**
 * The Dialpad event subscription types this service manages.
 */
public enum SubscriptionType {

	CALL, SMS;

	/** The name in Dialpad's paths ({@code /api/v2/subscriptions/<name>}) and here. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static SubscriptionType fromPath(String name) {
		for (SubscriptionType type : values()) {
			if (type.wireName().equals(name)) {
				return type;
			}
		}
		throw ProvisioningProblems.notFound("subscription-type-unknown", "Unknown subscription type",
				"Subscription types are call and sms, not '" + name + "'");
	}

}
