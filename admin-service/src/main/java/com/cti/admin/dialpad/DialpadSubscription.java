package com.cti.admin.dialpad;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A call or SMS event subscription as Dialpad shows it; the fields of the other type are
 * null.
 *
 * @param id Dialpad's id of the subscription
 * @param callStates (call) the call states sent
 * @param enabled whether Dialpad sends events
 * @param groupCallsOnly (call) only calls of groups
 * @param targetType the kind of target the subscription is limited to
 * @param targetId the target it is limited to
 * @param direction (SMS) all, inbound or outbound
 * @param includeInternal (SMS) messages between users of the company too
 * @param status (SMS) delivery status updates too
 * @param webhook the webhook the events go to
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DialpadSubscription(@Nullable Long id, @Nullable List<String> callStates, @Nullable Boolean enabled,
		@Nullable Boolean groupCallsOnly, @Nullable String targetType, @Nullable Long targetId,
		@Nullable String direction, @Nullable Boolean includeInternal, @Nullable Boolean status,
		@Nullable DialpadWebhook webhook) {

	/** Dialpad's id of the webhook the events go to, or null when it shows none. */
	public @Nullable Long webhookId() {
		return (this.webhook != null) ? this.webhook.id() : null;
	}

}
