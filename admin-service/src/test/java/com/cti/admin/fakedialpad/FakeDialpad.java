package com.cti.admin.fakedialpad;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake Dialpad on a real HTTP port, as {@code shared/dialpad-api.md} describes the API:
 * webhooks and call/SMS subscriptions kept in memory and listed with cursor paging,
 * {@code Authorization: Bearer} checked (401 for a wrong key or token), OAuth authorize,
 * token and deauthorize with PKCE and rotating refresh tokens, {@code GET /api/v2/call},
 * and failures injected on demand (429 with or without {@code Retry-After}, 5xx, slow
 * answers, dropped connections). WireMock serves it and records every request.
 * <p>
 * One instance per test JVM ({@link #instance()}); {@link #reset()} between tests.
 */
public final class FakeDialpad {

	/** The company API key the fake accepts. */
	public static final String API_KEY = "fake-dialpad-company-key-7f3a";

	public static final String CLIENT_ID = "fake-oauth-client";

	public static final String CLIENT_SECRET = "fake-oauth-client-secret";

	// above 2^53 on purpose: an id that passes through a double is corrupted
	private static final long FIRST_ID = 9_100_000_000_000_000L;

	private static final Pattern WEBHOOK_PATH = Pattern.compile("/api/v2/webhooks(?:/([^/]+))?");

	private static final Pattern SUBSCRIPTION_PATH = Pattern.compile("/api/v2/subscriptions/([a-z_]+)(?:/([^/]+))?");

	private static @Nullable FakeDialpad instance;

	private final AtomicLong ids = new AtomicLong(FIRST_ID);

	private final FakeWebhooks webhooks = new FakeWebhooks(this.ids::incrementAndGet);

	private final FakeSubscriptions subscriptions = new FakeSubscriptions(this.webhooks, this.ids::incrementAndGet);

	private final FakeOAuth oauth = new FakeOAuth();

	private final FakeCalls calls = new FakeCalls();

	private final List<Injected> injected = new ArrayList<>();

	private final AtomicInteger delayedStarted = new AtomicInteger();

	private final WireMockServer server;

	private volatile int pageSize = 2;

	private FakeDialpad() {
		this.server = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.extensions(new FakeDialpadTransformer(this)));
		this.server.start();
		this.server.stubFor(WireMock.any(WireMock.anyUrl())
			.willReturn(WireMock.aResponse().withTransformers(FakeDialpadTransformer.NAME)));
	}

	/** The fake of this JVM, started on first use. */
	public static synchronized FakeDialpad instance() {
		if (instance == null) {
			instance = new FakeDialpad();
			Runtime.getRuntime().addShutdownHook(new Thread(instance.server::stop));
		}
		return instance;
	}

	/** Where the fake listens, e.g. {@code http://127.0.0.1:41234}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** Forgets every resource, token, injected failure and recorded request. */
	public void reset() {
		this.webhooks.clear();
		this.subscriptions.clear();
		this.oauth.clear();
		this.calls.clear();
		synchronized (this.injected) {
			this.injected.clear();
		}
		this.delayedStarted.set(0);
		this.pageSize = 2;
		this.server.resetRequests();
	}

	FakeResponse handle(FakeRequest request) {
		String path = request.path();
		if (path.equals("/oauth2/authorize") && request.method().equals("GET")) {
			return this.oauth.authorize(request);
		}
		if (path.equals("/oauth2/token") && request.method().equals("POST")) {
			return this.oauth.token(request);
		}
		if (path.equals("/oauth2/deauthorize") && request.method().equals("POST")) {
			return this.oauth.deauthorize(request);
		}
		if (!path.startsWith("/api/v2/")) {
			return FakeResponse.error(404, "Not found: " + path);
		}
		if (!authorized(request)) {
			return FakeResponse.error(401, "Invalid API key or token").withHeader("WWW-Authenticate", "Bearer");
		}
		return route(request);
	}

	private FakeResponse route(FakeRequest request) {
		String path = request.path();
		Matcher webhook = WEBHOOK_PATH.matcher(path);
		if (webhook.matches()) {
			return withId(webhook.group(1), (id) -> this.webhooks.handle(request, id, this.pageSize));
		}
		Matcher subscription = SUBSCRIPTION_PATH.matcher(path);
		if (subscription.matches()) {
			return withId(subscription.group(2),
					(id) -> this.subscriptions.handle(request, subscription.group(1), id, this.pageSize));
		}
		if (path.equals("/api/v2/call") && request.method().equals("GET")) {
			return this.calls.list(request, this.pageSize);
		}
		return FakeResponse.error(404, "Not found: " + path);
	}

	private static FakeResponse withId(@Nullable String id, java.util.function.Function<Long, FakeResponse> handler) {
		if (id == null) {
			return handler.apply(null);
		}
		try {
			return handler.apply(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			return FakeResponse.error(404, "Not found: " + id);
		}
	}

	private boolean authorized(FakeRequest request) {
		String token = FakeOAuth.bearer(request);
		return token != null && (token.equals(API_KEY) || this.oauth.accepts(token));
	}

	@Nullable Injected takeInjected(FakeRequest request) {
		synchronized (this.injected) {
			for (int i = 0; i < this.injected.size(); i++) {
				Injected candidate = this.injected.get(i);
				if (candidate.matches(request)) {
					this.injected.remove(i);
					if (candidate.delay() != null) {
						this.delayedStarted.incrementAndGet();
					}
					return candidate;
				}
			}
			return null;
		}
	}

	// --- failures on demand

	/**
	 * The next {@code times} requests with this method whose path starts with
	 * {@code pathPrefix} get this status (a Dialpad error body) instead of their answer.
	 */
	public void failNext(String method, String pathPrefix, int status, int times) {
		inject(method, pathPrefix, times, FakeResponse.error(status, "Injected failure " + status), null);
	}

	/** As {@link #failNext}, with 429 and the given {@code Retry-After} (null: none). */
	public void rateLimitNext(String method, String pathPrefix, @Nullable String retryAfter, int times) {
		FakeResponse response = FakeResponse.error(429, "Rate limit exceeded");
		if (retryAfter != null) {
			response = response.withHeader("Retry-After", retryAfter);
		}
		inject(method, pathPrefix, times, response, null);
	}

	/** The next matching requests get their connection dropped without an answer. */
	public void dropNext(String method, String pathPrefix, int times) {
		inject(method, pathPrefix, times, FakeResponse.error(500, "dropped"), Fault.CONNECTION_RESET_BY_PEER);
	}

	/** The next matching requests are answered normally, but only after the delay. */
	public void delayNext(String method, String pathPrefix, Duration delay, int times) {
		synchronized (this.injected) {
			for (int i = 0; i < times; i++) {
				this.injected.add(new Injected(method, pathPrefix, null, null, delay));
			}
		}
	}

	/**
	 * How many requests given a {@link #delayNext delay} have arrived (their answer may
	 * still be on its way).
	 */
	public int delayedRequestsStarted() {
		return this.delayedStarted.get();
	}

	private void inject(String method, String pathPrefix, int times, FakeResponse response, @Nullable Fault fault) {
		synchronized (this.injected) {
			for (int i = 0; i < times; i++) {
				this.injected.add(new Injected(method, pathPrefix, response, fault, null));
			}
		}
	}

	// --- state, for tests to arrange and inspect

	/**
	 * Items per page of every list endpoint (2 by default, so that paging is exercised).
	 */
	public void pageSize(int pageSize) {
		this.pageSize = pageSize;
	}

	public List<Webhook> webhooks() {
		return this.webhooks.all();
	}

	public @Nullable Webhook webhook(long id) {
		return this.webhooks.get(id);
	}

	/** Adds a webhook as if created at Dialpad by someone else. */
	public Webhook addWebhook(String hookUrl, @Nullable String secret) {
		var webhook = new Webhook(this.ids.incrementAndGet(), hookUrl, secret);
		this.webhooks.put(webhook);
		return webhook;
	}

	public void removeWebhook(long id) {
		this.webhooks.handle(new FakeRequest("DELETE", "", java.util.Map.of(), null, null, ""), id, 1);
	}

	public List<Subscription> subscriptions(String type) {
		return this.subscriptions.all(type);
	}

	/** Adds a subscription as if created at Dialpad by someone else. */
	public Subscription addSubscription(String type, long endpointId, ObjectNode fields) {
		return this.subscriptions.add(type, endpointId, fields);
	}

	/** Changes a subscription's fields behind the admin service's back. */
	public void changeSubscription(long id, ObjectNode changes) {
		this.subscriptions.change(id, changes);
	}

	/** Deletes a subscription behind the admin service's back. */
	public void removeSubscription(long id) {
		this.subscriptions.remove(id);
	}

	/**
	 * Adds a concluded (or live, without {@code date_ended}) call to
	 * {@code GET /api/v2/call}.
	 */
	public void addCall(ObjectNode call) {
		this.calls.add(call);
	}

	/** The calls {@code GET /api/v2/call} can list. */
	public List<ObjectNode> calls() {
		return this.calls.all();
	}

	public void accessTokenLifetime(Duration lifetime) {
		this.oauth.accessTokenLifetime(lifetime);
	}

	public void denyConsent(boolean deny) {
		this.oauth.denyConsent(deny);
	}

	public boolean isAccessTokenActive(String token) {
		return this.oauth.isActive(token);
	}

	public boolean isRefreshTokenValid(String token) {
		return this.oauth.isRefreshTokenValid(token);
	}

	public int tokensIssued() {
		return this.oauth.tokensIssued();
	}

	/** Every request received with this method and exact path, oldest first. */
	public List<LoggedRequest> requests(String method, String path) {
		return this.server.findAll(new com.github.tomakehurst.wiremock.matching.RequestPatternBuilder(
				com.github.tomakehurst.wiremock.http.RequestMethod.fromString(method), WireMock.urlPathEqualTo(path)));
	}

	static JsonMapper json() {
		return JsonMapper.shared();
	}

	/** A webhook at the fake Dialpad. */
	public record Webhook(long id, String hookUrl, @Nullable String secret) {
	}

	/** A subscription at the fake Dialpad: its type, its webhook and its other fields. */
	public record Subscription(long id, String type, long endpointId, ObjectNode fields) {
	}

	/**
	 * A failure waiting for its request: an answer in place of the real one, a dropped
	 * connection, or a delay before the real answer.
	 */
	record Injected(String method, String pathPrefix, @Nullable FakeResponse response, @Nullable Fault fault,
			@Nullable Duration delay) {

		boolean matches(FakeRequest request) {
			return this.method.equals(request.method()) && request.path().startsWith(this.pathPrefix);
		}

	}

}
