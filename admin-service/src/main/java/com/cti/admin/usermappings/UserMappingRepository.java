package com.cti.admin.usermappings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code user_mappings} (owned by the admin service).
 */
@Repository
class UserMappingRepository {

	private static final String COLUMNS = "app_id, dialpad_user_id, client_user_id, created_at, updated_at";

	private final JdbcClient jdbc;

	UserMappingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the mapping; empty when the user is mapped already. */
	Optional<UserMapping> insert(UUID appId, long dialpadUserId, String clientUserId) {
		return this.jdbc.sql("""
				insert into user_mappings (app_id, dialpad_user_id, client_user_id)
				values (:appId, :dialpadUserId, :clientUserId)
				on conflict do nothing
				returning %s
				""".formatted(COLUMNS))
			.param("appId", appId)
			.param("dialpadUserId", dialpadUserId)
			.param("clientUserId", clientUserId)
			.query(UserMappingRepository::mapping)
			.optional();
	}

	/** Creates or replaces the mapping of the user. */
	UserMapping upsert(UUID appId, long dialpadUserId, String clientUserId) {
		return this.jdbc.sql("""
				insert into user_mappings (app_id, dialpad_user_id, client_user_id)
				values (:appId, :dialpadUserId, :clientUserId)
				on conflict (app_id, dialpad_user_id) do update
				set client_user_id = excluded.client_user_id,
				    updated_at = case when user_mappings.client_user_id = excluded.client_user_id
				                      then user_mappings.updated_at else now() end
				returning %s
				""".formatted(COLUMNS))
			.param("appId", appId)
			.param("dialpadUserId", dialpadUserId)
			.param("clientUserId", clientUserId)
			.query(UserMappingRepository::mapping)
			.single();
	}

	boolean delete(UUID appId, long dialpadUserId) {
		return this.jdbc.sql("delete from user_mappings where app_id = :appId and dialpad_user_id = :dialpadUserId")
			.param("appId", appId)
			.param("dialpadUserId", dialpadUserId)
			.update() > 0;
	}

	Optional<UserMapping> find(UUID appId, long dialpadUserId) {
		return this.jdbc.sql("""
				select %s from user_mappings where app_id = :appId and dialpad_user_id = :dialpadUserId
				""".formatted(COLUMNS))
			.param("appId", appId)
			.param("dialpadUserId", dialpadUserId)
			.query(UserMappingRepository::mapping)
			.optional();
	}

	/**
	 * Up to {@code limit} mappings of the app after {@code afterUserId}, by Dialpad user
	 * id, optionally only those of one client user.
	 */
	List<UserMapping> page(UUID appId, @Nullable String clientUserId, @Nullable Long afterUserId, int limit) {
		return this.jdbc.sql("""
				select %s from user_mappings
				where app_id = :appId
				  and (cast(:clientUserId as text) is null or client_user_id = :clientUserId)
				  and (cast(:after as bigint) is null or dialpad_user_id > :after)
				order by dialpad_user_id
				limit :limit
				""".formatted(COLUMNS))
			.param("appId", appId)
			.param("clientUserId", clientUserId)
			.param("after", afterUserId)
			.param("limit", limit)
			.query(UserMappingRepository::mapping)
			.list();
	}

	private static UserMapping mapping(ResultSet rs, int row) throws SQLException {
		return new UserMapping(rs.getObject("app_id", UUID.class), rs.getLong("dialpad_user_id"),
				rs.getString("client_user_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
