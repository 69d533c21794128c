package com.cti.platform;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns the database settings that users have into {@code spring.datasource.*}:
 * {@code DATABASE_URL} as Render and Heroku give it
 * ({@code postgresql://user:pass@host:5432/db}) or as a JDBC URL, or else the separate
 * {@code DB_HOST}, {@code DB_PORT}, {@code DB_USER}, {@code DB_PASSWORD},
 * {@code DB_NAME}. Explicit {@code spring.datasource.*} settings win.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "ctiDatabaseSettings";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> settings = datasourceSettings(environment::getProperty);
		if (!settings.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, settings));
		}
	}

	static Map<String, Object> datasourceSettings(Settings env) {
		Map<String, Object> settings = new LinkedHashMap<>();
		String databaseUrl = env.get("DATABASE_URL");
		if (StringUtils.hasText(databaseUrl)) {
			fromDatabaseUrl(databaseUrl.trim(), settings);
		}
		else if (StringUtils.hasText(env.get("DB_HOST"))) {
			String port = StringUtils.hasText(env.get("DB_PORT")) ? env.get("DB_PORT") : "5432";
			String name = StringUtils.hasText(env.get("DB_NAME")) ? env.get("DB_NAME") : "postgres";
			settings.put("spring.datasource.url", "jdbc:postgresql://" + env.get("DB_HOST") + ":" + port + "/" + name);
		}
		putIfText(settings, "spring.datasource.username", env.get("DB_USER"));
		putIfText(settings, "spring.datasource.password", env.get("DB_PASSWORD"));
		return settings;
	}

	private static void fromDatabaseUrl(String databaseUrl, Map<String, Object> settings) {
		if (databaseUrl.startsWith("jdbc:")) {
			settings.put("spring.datasource.url", databaseUrl);
			return;
		}
		URI uri = URI.create(databaseUrl);
		if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
			throw new IllegalStateException(
					"DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql:// (got scheme '"
							+ uri.getScheme() + "')");
		}
		String port = (uri.getPort() != -1) ? ":" + uri.getPort() : "";
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		settings.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query);
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			settings.put("spring.datasource.username", decode((colon < 0) ? userInfo : userInfo.substring(0, colon)));
			if (colon >= 0) {
				settings.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
			}
		}
	}

	private static void putIfText(Map<String, Object> settings, String key, @Nullable String value) {
		if (StringUtils.hasText(value)) {
			settings.putIfAbsent(key, value);
		}
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	/** Reads a setting by its environment variable name. */
	@FunctionalInterface
	interface Settings {

		@Nullable String get(String name);

	}

}
