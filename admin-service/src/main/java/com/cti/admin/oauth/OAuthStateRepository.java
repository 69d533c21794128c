package com.cti.admin.oauth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code dialpad_oauth_states}: authorizations started and not yet come back. A
 * state is found by its hash and used at most once.
 */
@Repository
class OAuthStateRepository {

	private final JdbcClient jdbc;

	OAuthStateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(String stateHash, UUID appId, byte[] codeVerifier, String redirectUri, String scope, Instant expiresAt) {
		this.jdbc.sql("delete from dialpad_oauth_states where expires_at < now() - interval '1 day'").update();
		this.jdbc.sql("""
				insert into dialpad_oauth_states (state_hash, app_id, code_verifier_encrypted, redirect_uri, scope,
				                                  expires_at)
				values (:hash, :app, :verifier, :redirectUri, :scope, :expires)
				""")
			.param("hash", stateHash)
			.param("app", appId)
			.param("verifier", codeVerifier)
			.param("redirectUri", redirectUri)
			.param("scope", scope)
			.param("expires", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
			.update();
	}

	/** Removes the state and returns it: a second callback with it finds nothing. */
	Optional<PendingAuthorization> consume(String stateHash) {
		return this.jdbc.sql("""
				delete from dialpad_oauth_states where state_hash = :hash
				returning app_id, code_verifier_encrypted, redirect_uri, scope, expires_at
				""")
			.param("hash", stateHash)
			.query((rs, row) -> new PendingAuthorization(stateHash, rs.getObject("app_id", UUID.class),
					rs.getBytes("code_verifier_encrypted"), rs.getString("redirect_uri"), rs.getString("scope"),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/**
	 * An authorization that was started here.
	 *
	 * @param stateHash SHA-256 of its state
	 * @param appId the app being connected
	 * @param codeVerifier the PKCE verifier, encrypted
	 * @param redirectUri the redirect URI sent to Dialpad
	 * @param scope the scopes asked for
	 * @param expiresAt when the state stops being accepted
	 */
	record PendingAuthorization(String stateHash, UUID appId, byte[] codeVerifier, String redirectUri, String scope,
			Instant expiresAt) {

		String verifierContext() {
			return verifierContext(this.stateHash);
		}

		static String verifierContext(String stateHash) {
			return "dialpad_oauth_states.code_verifier:" + stateHash;
		}

	}

}
