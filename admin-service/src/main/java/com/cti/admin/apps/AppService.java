package com.cti.admin.apps;

import java.util.UUID;

import com.cti.admin.apikeys.ApiKeyRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates an app together with its first API key, in one transaction.
 */
@Service
class AppService {

	private final JdbcClient jdbc;

	private final ApiKeyRepository apiKeys;

	AppService(JdbcClient jdbc, ApiKeyRepository apiKeys) {
		this.jdbc = jdbc;
		this.apiKeys = apiKeys;
	}

	@Transactional
	CreatedApp create(String name, String actor, @Nullable String sourceAddress) {
		UUID appId = UUID.randomUUID();
		this.jdbc.sql("insert into apps (id, name) values (:id, :name)")
			.param("id", appId)
			.param("name", name)
			.update();
		String key = this.apiKeys.issue(appId, actor, sourceAddress);
		return new CreatedApp(appId, key);
	}

	record CreatedApp(UUID appId, String apiKey) {
	}

}
