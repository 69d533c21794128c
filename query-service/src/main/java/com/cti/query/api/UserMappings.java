package com.cti.query.api;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the app's user mappings (owned by the admin service): which Dialpad users a
 * client's own user id stands for.
 */
@Component
public class UserMappings {

	private final JdbcClient jdbc;

	UserMappings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The Dialpad users mapped to the client's user id in this app; usually one. */
	public List<Long> dialpadUserIds(UUID appId, String clientUserId) {
		return this.jdbc.sql("""
				select dialpad_user_id from user_mappings where app_id = :appId and client_user_id = :clientUserId
				order by dialpad_user_id
				""").param("appId", appId).param("clientUserId", clientUserId).query(Long.class).list();
	}

}
