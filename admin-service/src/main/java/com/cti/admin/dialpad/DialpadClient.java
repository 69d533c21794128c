package com.cti.admin.dialpad;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Dialpad's API v2 and OAuth endpoints, as the admin service uses them. Every request
 * carries {@code Authorization: Bearer} (never {@code ?apikey=}), has connect and read
 * timeouts, is retried on 429/5xx/I/O errors as {@link DialpadRetry} decides, and fails
 * with a {@link DialpadException} that says what went wrong. Lists are read through every
 * page of their cursor.
 */
@Component
public class DialpadClient {

	private static final int MAX_PAGES = 10_000;

	private static final ParameterizedTypeReference<DialpadPage<DialpadWebhook>> WEBHOOK_PAGE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<DialpadPage<DialpadSubscription>> SUBSCRIPTION_PAGE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<DialpadPage<JsonNode>> CALL_PAGE = new ParameterizedTypeReference<>() {
	};

	private final RestClient restClient;

	private final DialpadProperties properties;

	private final MeterRegistry meters;

	public DialpadClient(RestClient.Builder restClientBuilder, DialpadProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
		var settings = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		// HTTP/1.1: the JDK client's cleartext HTTP/2 upgrade (h2c) loses request bodies
		// with some servers
		var requestFactory = ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer((client) -> client.version(HttpClient.Version.HTTP_1_1))
			.build(settings);
		// buffered, so that every body goes with a Content-Length rather than chunked:
		// gateways in front of APIs may refuse a chunked request (411)
		this.restClient = restClientBuilder.baseUrl(properties.apiBaseUrl().toString())
			.requestFactory(new BufferingClientHttpRequestFactory(requestFactory))
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

	// --- webhooks

	public DialpadWebhook createWebhook(DialpadCredentials credentials, String hookUrl, @Nullable String secret) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("hook_url", hookUrl);
		if (secret != null) {
			body.put("secret", secret);
		}
		return send(HttpMethod.POST, "/api/v2/webhooks", credentials, body, DialpadWebhook.class);
	}

	public List<DialpadWebhook> listWebhooks(DialpadCredentials credentials) {
		List<DialpadWebhook> all = new ArrayList<>();
		pages(credentials, "/api/v2/webhooks", Map.of(), WEBHOOK_PAGE, all::addAll);
		return all;
	}

	/** The webhook, or empty when Dialpad has none with that id. */
	public Optional<DialpadWebhook> findWebhook(DialpadCredentials credentials, long id) {
		return orEmptyIfNotFound(
				() -> send(HttpMethod.GET, "/api/v2/webhooks/" + id, credentials, null, DialpadWebhook.class));
	}

	/**
	 * Whether Dialpad still has the webhook. A 404 is checked against the list, so that a
	 * Dialpad (or a stand-in) without {@code GET /api/v2/webhooks/{id}} is not taken to
	 * have lost it; when neither tells, the webhook is taken to exist.
	 */
	public boolean webhookExists(DialpadCredentials credentials, long id) {
		if (findWebhook(credentials, id).isPresent()) {
			return true;
		}
		return existsInList(() -> listWebhooks(credentials).stream().anyMatch((webhook) -> isId(webhook.id(), id)));
	}

	/** Changes the secret (null: leaves it) and/or the URL (null: leaves it). */
	public DialpadWebhook updateWebhook(DialpadCredentials credentials, long id, @Nullable String hookUrl,
			@Nullable String secret) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (hookUrl != null) {
			body.put("hook_url", hookUrl);
		}
		if (secret != null) {
			body.put("secret", secret);
		}
		return send(HttpMethod.PATCH, "/api/v2/webhooks/" + id, credentials, body, DialpadWebhook.class);
	}

	/** Deletes the webhook; false when Dialpad had none with that id. */
	public boolean deleteWebhook(DialpadCredentials credentials, long id) {
		return delete(credentials, "/api/v2/webhooks/" + id);
	}

	// --- subscriptions ("call", "sms", ...)

	public DialpadSubscription createSubscription(DialpadCredentials credentials, String type,
			Map<String, Object> body) {
		return send(HttpMethod.POST, "/api/v2/subscriptions/" + type, credentials, body, DialpadSubscription.class);
	}

	public List<DialpadSubscription> listSubscriptions(DialpadCredentials credentials, String type) {
		List<DialpadSubscription> all = new ArrayList<>();
		pages(credentials, "/api/v2/subscriptions/" + type, Map.of(), SUBSCRIPTION_PAGE, all::addAll);
		return all;
	}

	public Optional<DialpadSubscription> findSubscription(DialpadCredentials credentials, String type, long id) {
		return orEmptyIfNotFound(() -> send(HttpMethod.GET, "/api/v2/subscriptions/" + type + "/" + id, credentials,
				null, DialpadSubscription.class));
	}

	/**
	 * Whether Dialpad still has the subscription, as {@link #webhookExists} decides it.
	 */
	public boolean subscriptionExists(DialpadCredentials credentials, String type, long id) {
		if (findSubscription(credentials, type, id).isPresent()) {
			return true;
		}
		return existsInList(() -> listSubscriptions(credentials, type).stream()
			.anyMatch((subscription) -> isId(subscription.id(), id)));
	}

	public DialpadSubscription updateSubscription(DialpadCredentials credentials, String type, long id,
			Map<String, Object> body) {
		return send(HttpMethod.PATCH, "/api/v2/subscriptions/" + type + "/" + id, credentials, body,
				DialpadSubscription.class);
	}

	/** Deletes the subscription; false when Dialpad had none with that id. */
	public boolean deleteSubscription(DialpadCredentials credentials, String type, long id) {
		return delete(credentials, "/api/v2/subscriptions/" + type + "/" + id);
	}

	// --- calls

	/**
	 * Hands every page of concluded calls started in
	 * {@code (startedAfter, startedBefore)} (ms since the epoch) to the consumer, newest
	 * first, each call as Dialpad sent it.
	 */
	public void forEachCallPage(DialpadCredentials credentials, long startedAfter, long startedBefore,
			Consumer<List<JsonNode>> consumer) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("started_after", Long.toString(startedAfter));
		query.put("started_before", Long.toString(startedBefore));
		pages(credentials, "/api/v2/call", query, CALL_PAGE, consumer);
	}

	// --- OAuth

	/** Where to send a browser to authorize the OAuth app ({@code /oauth2/authorize}). */
	public URI authorizeUri(Map<String, String> parameters) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUri(this.properties.apiBaseUrl())
			.path("/oauth2/authorize");
		parameters.forEach((name, value) -> builder.queryParam(name, "{" + name + "}"));
		return builder.encode().buildAndExpand(parameters).toUri();
	}

	/** Redeems an authorization code (with its PKCE verifier) for tokens. */
	public DialpadTokens redeemCode(String code, String codeVerifier, String redirectUri) {
		MultiValueMap<String, String> form = clientForm("authorization_code");
		form.add("code", code);
		form.add("code_verifier", codeVerifier);
		form.add("redirect_uri", redirectUri);
		return token(form);
	}

	/** Trades a refresh token for new tokens (the refresh token changes too). */
	public DialpadTokens refresh(String refreshToken) {
		MultiValueMap<String, String> form = clientForm("refresh_token");
		form.add("refresh_token", refreshToken);
		return token(form);
	}

	/** Revokes the OAuth tokens of the connection the access token belongs to. */
	public void deauthorize(DialpadCredentials credentials) {
		execute(HttpMethod.POST, "/oauth2/deauthorize", credentials.source().description(),
				() -> this.restClient.post()
					.uri("/oauth2/deauthorize")
					.headers((headers) -> headers.setBearerAuth(credentials.bearerToken()))
					.retrieve()
					.toBodilessEntity());
	}

	private MultiValueMap<String, String> clientForm(String grantType) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", grantType);
		form.add("client_id", String.valueOf(this.properties.oauth().clientId()));
		form.add("client_secret", String.valueOf(this.properties.oauth().clientSecret()));
		return form;
	}

	private DialpadTokens token(MultiValueMap<String, String> form) {
		DialpadTokens tokens = execute(HttpMethod.POST, "/oauth2/token", "DIALPAD_CLIENT_ID/DIALPAD_CLIENT_SECRET",
				() -> required(this.restClient.post()
					.uri("/oauth2/token")
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(form)
					.retrieve()
					.body(DialpadTokens.class)));
		if (tokens.accessToken() == null || tokens.accessToken().isBlank()) {
			throw new DialpadException(HttpStatus.BAD_GATEWAY, "dialpad-bad-answer", "Unreadable answer from Dialpad",
					"Dialpad's token endpoint answered without an access_token", 200, null, null);
		}
		return tokens;
	}

	// --- the machinery

	private <T> T send(HttpMethod method, String path, DialpadCredentials credentials, @Nullable Object body,
			Class<T> type) {
		return execute(method, path, credentials.source().description(), () -> {
			var request = this.restClient.method(method)
				.uri(path)
				.headers((headers) -> headers.setBearerAuth(credentials.bearerToken()));
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(body);
			}
			return required(request.retrieve().body(type));
		});
	}

	private boolean delete(DialpadCredentials credentials, String path) {
		return orEmptyIfNotFound(() -> execute(HttpMethod.DELETE, path, credentials.source().description(),
				() -> this.restClient.delete()
					.uri(path)
					.headers((headers) -> headers.setBearerAuth(credentials.bearerToken()))
					.retrieve()
					.toBodilessEntity()))
			.isPresent();
	}

	private <T> void pages(DialpadCredentials credentials, String path, Map<String, String> query,
			ParameterizedTypeReference<DialpadPage<T>> type, Consumer<List<T>> consumer) {
		Set<String> seen = new HashSet<>();
		String cursor = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			Map<String, String> variables = new HashMap<>(query);
			if (cursor != null) {
				variables.put("cursor", cursor);
			}
			DialpadPage<T> result = execute(HttpMethod.GET, path, credentials.source().description(),
					() -> required(this.restClient.get().uri((builder) -> {
						builder.path(path);
						variables.keySet().forEach((name) -> builder.queryParam(name, "{" + name + "}"));
						return builder.build(variables);
					}).headers((headers) -> headers.setBearerAuth(credentials.bearerToken())).retrieve().body(type)));
			consumer.accept(result.itemsOrEmpty());
			cursor = result.cursor();
			if (cursor == null || cursor.isEmpty()) {
				return;
			}
			if (!seen.add(cursor)) {
				throw new DialpadException(HttpStatus.BAD_GATEWAY, "dialpad-bad-answer", "Dialpad's paging loops",
						"Dialpad returned the same cursor twice for GET " + path, 200, null, null);
			}
		}
		throw new DialpadException(HttpStatus.BAD_GATEWAY, "dialpad-bad-answer", "Too many pages",
				"GET " + path + " had more than " + MAX_PAGES + " pages", 200, null, null);
	}

	private <T> T execute(HttpMethod method, String path, String credential, Supplier<T> request) {
		String operation = method.name() + " " + path;
		boolean idempotent = !HttpMethod.POST.equals(method);
		var template = new RetryTemplate(new DialpadRetry(this.properties.retry(), operation, idempotent));
		try {
			return template.execute(request::get);
		}
		catch (RetryException ex) {
			RuntimeException error = DialpadErrors.translate(ex.getLastException(), operation, credential,
					ex.getRetryCount() + 1);
			failed(method, error);
			throw error;
		}
	}

	/**
	 * Counts a call that failed after its retries, by method and Dialpad's status (0: no
	 * answer), not by path: paths carry ids.
	 */
	private void failed(HttpMethod method, RuntimeException error) {
		int status = (error instanceof DialpadException dialpad) ? dialpad.dialpadStatus() : 0;
		this.meters.counter("cti.admin.dialpad.errors", "method", method.name(), "status", Integer.toString(status))
			.increment();
	}

	private static boolean existsInList(Supplier<Boolean> listed) {
		try {
			return listed.get();
		}
		catch (DialpadException ex) {
			if (isUnsupported(ex)) {
				return true;
			}
			throw ex;
		}
	}

	/** Whether Dialpad answered as if the endpoint did not exist (404, 405, 501). */
	public static boolean isUnsupported(DialpadException ex) {
		return ex.dialpadStatus() == 404 || ex.dialpadStatus() == 405 || ex.dialpadStatus() == 501;
	}

	private static boolean isId(@Nullable Long candidate, long id) {
		return candidate != null && candidate == id;
	}

	private static <T> Optional<T> orEmptyIfNotFound(Supplier<T> request) {
		try {
			return Optional.of(request.get());
		}
		catch (DialpadException ex) {
			if (ex.dialpadStatus() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private static <T> T required(@Nullable T body) {
		if (body == null) {
			throw new RestClientException("Dialpad answered with an empty body");
		}
		return body;
	}

}
