package com.cti.bench.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One event that got a 2xx, as the ledger knows it: the app it was sent to, its kind and
 * resource id, and the MD5 of its payload (what PostgreSQL's {@code md5(payload)} gives
 * for the stored raw event).
 *
 * @param app the app the URL named
 * @param kind the event kind
 * @param resourceId the call or message id, -1 for other kinds
 * @param payloadMd5 lower-case hex MD5 of the payload's UTF-8 bytes
 */
public record LedgerEntry(UUID app, String kind, long resourceId, String payloadMd5) {

	public static String md5(String payload) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("MD5").digest(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
