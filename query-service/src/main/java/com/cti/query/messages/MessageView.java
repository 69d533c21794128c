package com.cti.query.messages;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One SMS or MMS with its latest delivery status.
 */
@Schema(name = "Message", description = "An SMS or MMS, with its latest delivery status")
public record MessageView(@Schema(description = "Dialpad's message id", example = "7300000000000001") long messageId,
		@Schema(description = "inbound or outbound", example = "outbound", nullable = true) @Nullable String direction,
		@Schema(description = "Sender's number, E.164", example = "+14155550101",
				nullable = true) @Nullable String fromNumber,
		@Schema(description = "Recipients' numbers, E.164", example = "[\"+14155559876\"]") String[] toNumbers,
		@Schema(description = "The text (only when the app's Dialpad key may export message content)",
				example = "Your appointment is confirmed.", nullable = true) @Nullable String text,
		@Schema(description = "True for an MMS", example = "false", nullable = true) @Nullable Boolean mms,
		@Schema(description = "Link to the MMS media", example = "https://dialpad.com/mms/1",
				nullable = true) @Nullable String mmsUrl,
		@Schema(description = "True for a message between two users of the company", example = "false",
				nullable = true) @Nullable Boolean isInternal,
		@Schema(description = "Dialpad id of the sending user", example = "5500000000000777",
				nullable = true) @Nullable Long senderId,
		@Schema(description = "The outside party") Party contact,
		@Schema(description = "The Dialpad user, department or office of the message") Party target,
		@Schema(description = "Latest delivery status as Dialpad reports it (pending, sent, delivered, failed, ...)",
				example = "delivered", nullable = true) @Nullable String status,
		@Schema(description = "Dialpad's message_delivery_result", example = "accepted",
				nullable = true) @Nullable String deliveryResult,
		@Schema(description = "When the message was created, ISO-8601 UTC", example = "2025-11-26T12:00:00Z",
				nullable = true) @Nullable Instant createdAt,
		@Schema(description = "created_at in ms since the epoch", example = "1764158400000",
				nullable = true) @Nullable Long createdAtMs,
		@Schema(description = "Time of the latest Dialpad event applied, ms since the epoch",
				example = "1764158401000") long eventTimestamp,
		@Schema(description = "When this message last changed here, ISO-8601 UTC",
				example = "2025-11-26T12:00:01.050Z") Instant updatedAt,
		@Schema(description = "updated_at in ms since the epoch", example = "1764158401050") long updatedAtMs) {

	/** A party of a message. */
	@Schema(name = "MessageParty", description = "A party of a message")
	public record Party(
			@Schema(description = "Dialpad's id", example = "5700000000000009", nullable = true) @Nullable Long id,
			@Schema(description = "Name", example = "Chris Caller", nullable = true) @Nullable String name,
			@Schema(description = "Kind (targets only): user, department, office, ...", example = "user",
					nullable = true) @Nullable String type,
			@Schema(description = "Phone number, E.164", example = "+14155559876",
					nullable = true) @Nullable String phone) {
	}

}
