package com.cti.admin.oauth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code dialpad_oauth_tokens}: one connection per app, its tokens
 * encrypted.
 */
@Repository
class OAuthTokenRepository {

	private static final String COLUMNS = """
			app_id, access_token_encrypted, refresh_token_encrypted, scope, token_type, expires_at, refreshed_at,
			created_at, updated_at""";

	private final JdbcClient jdbc;

	OAuthTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredTokens> find(UUID appId) {
		return this.jdbc.sql("select " + COLUMNS + " from dialpad_oauth_tokens where app_id = :app")
			.param("app", appId)
			.query(OAuthTokenRepository::map)
			.optional();
	}

	/** The apps whose access token expires before the instant and that can refresh it. */
	List<UUID> expiringBefore(Instant instant) {
		return this.jdbc.sql("""
				select app_id from dialpad_oauth_tokens
				where expires_at < :instant and refresh_token_encrypted is not null
				""").param("instant", OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)).query(UUID.class).list();
	}

	void save(UUID appId, byte[] accessToken, byte @Nullable [] refreshToken, @Nullable String scope,
			@Nullable String tokenType, @Nullable Instant expiresAt, boolean refreshed) {
		this.jdbc.sql("""
				insert into dialpad_oauth_tokens (app_id, access_token_encrypted, refresh_token_encrypted, scope,
				                                  token_type, expires_at)
				values (:app, :access, :refresh, :scope, :type, :expires)
				on conflict (app_id) do update
				set access_token_encrypted = excluded.access_token_encrypted,
				    refresh_token_encrypted = excluded.refresh_token_encrypted, scope = excluded.scope,
				    token_type = excluded.token_type, expires_at = excluded.expires_at, updated_at = now(),
				    refreshed_at = case when :refreshed then now() else null end,
				    created_at = case when :refreshed then dialpad_oauth_tokens.created_at else now() end
				""")
			.param("app", appId)
			.param("access", accessToken)
			.param("refresh", refreshToken)
			.param("scope", scope)
			.param("type", tokenType)
			.param("expires", (expiresAt != null) ? OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC) : null)
			.param("refreshed", refreshed)
			.update();
	}

	boolean delete(UUID appId) {
		return this.jdbc.sql("delete from dialpad_oauth_tokens where app_id = :app").param("app", appId).update() > 0;
	}

	private static StoredTokens map(ResultSet rs, int row) throws SQLException {
		return new StoredTokens(rs.getObject("app_id", UUID.class), rs.getBytes("access_token_encrypted"),
				rs.getBytes("refresh_token_encrypted"), rs.getString("scope"), rs.getString("token_type"),
				instant(rs, "expires_at"), instant(rs, "refreshed_at"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A row of {@code dialpad_oauth_tokens}.
	 *
	 * @param appId the app
	 * @param accessToken the access token, encrypted
	 * @param refreshToken the refresh token, encrypted, if Dialpad gave one
	 * @param scope the granted scopes, if Dialpad said
	 * @param tokenType the token type
	 * @param expiresAt when the access token expires, if Dialpad said
	 * @param refreshedAt when the tokens were last refreshed
	 * @param createdAt when the app was connected
	 * @param updatedAt when the tokens last changed
	 */
	record StoredTokens(UUID appId, byte[] accessToken, byte @Nullable [] refreshToken, @Nullable String scope,
			@Nullable String tokenType, @Nullable Instant expiresAt, @Nullable Instant refreshedAt, Instant createdAt,
			Instant updatedAt) {

		static String accessContext(UUID appId) {
			return "dialpad_oauth_tokens.access_token:" + appId;
		}

		static String refreshContext(UUID appId) {
			return "dialpad_oauth_tokens.refresh_token:" + appId;
		}

	}

}
