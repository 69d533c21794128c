package com.cti.bench.queries;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.cti.bench.BenchOptions;
import com.cti.bench.load.HttpConnection;
import com.cti.bench.load.HttpRequests;
import com.cti.bench.load.LoadResult;
import com.cti.bench.load.OpenLoop;
import com.cti.bench.report.Figures;
import com.cti.bench.report.ReportRow;
import com.cti.bench.report.SectionResult;
import com.cti.bench.report.Verdict;
import com.cti.bench.system.AppCredentials;
import com.cti.bench.system.BenchSystem;
import com.cti.bench.system.Log;
import com.cti.bench.system.RssSampler;
import com.cti.bench.system.Service;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measurement 3: a large calls table over many apps; each kind of request at a fixed rate
 * (every request for a random app of the data set), beside the very statements the query
 * service ran for those requests replayed through JDBC at the same rate.
 */
public final class QuerySection {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final double TARGET_P99_MILLIS = 25;

	private static final int PAGE_SIZE = 50;

	/**
	 * Reaching page 1,000 means reading 50,000 rows through the API: it is done for this
	 * many apps, and the deep page is measured over them.
	 */
	private static final int DEEP_PAGE_APPS = 20;

	private static final int CONNECTIONS = 16;

	/**
	 * The JDBC ceiling uses as many connections as the query service's pool (Hikari's
	 * default).
	 */
	private static final int JDBC_CONNECTIONS = 10;

	private final BenchSystem system;

	private final BenchOptions options;

	private final List<AppCredentials> apps;

	private final RssSampler rss;

	private final ApiClient api;

	public QuerySection(BenchSystem system, BenchOptions options, List<AppCredentials> apps, RssSampler rss) {
		this.system = system;
		this.options = options;
		this.apps = apps;
		this.rss = rss;
		this.api = new ApiClient(system.baseUrl(Service.QUERY));
	}

	/** The requests measured. */
	enum Kind {

		FIRST_PAGE, DEEP_PAGE, FILTERED, ACTIVE

	}

	public SectionResult run() throws Exception {
		var result = new SectionResult();
		Log.info("queries: generating %,d calls over %d apps", this.options.calls(), this.apps.size());
		Duration loading;
		try (Connection connection = this.system.db()) {
			loading = CallDataset.load(connection, this.apps.stream().map(AppCredentials::id).toList(),
					this.options.calls());
		}
		long perApp = this.options.calls() / this.apps.size();
		int deepPage = (int) Math.max(2, Math.min(1000, perApp / PAGE_SIZE / 2));
		result.note(String.format("Queries: %,d calls over %d apps generated straight into calls with INSERT ... "
				+ "SELECT generate_series (indexes and keys dropped during the load and rebuilt as the schema defines "
				+ "them, then VACUUM ANALYZE) in %.0f s; a ~0.6 KB raw_payload per row; %d agents and %d live calls "
				+ "per app; page %,d is reached by following next_cursor (for %d of the apps, over which it is then measured); the filtered list is ?target_id= (one agent: "
				+ "1/%d of an app's calls); %d HTTP connections, %d JDBC connections (the size of the service's pool); "
				+ "each request is for a random app of the data set; %d s of warm-up before each measurement.",
				this.options.calls(), this.apps.size(), loading.toMillis() / 1000.0, CallDataset.TARGETS_PER_APP,
				CallDataset.ACTIVE_PER_APP, deepPage, Math.min(DEEP_PAGE_APPS, this.apps.size()),
				CallDataset.TARGETS_PER_APP, CONNECTIONS, JDBC_CONNECTIONS, warmUpDuration().toSeconds()));
		this.rss.phase("queries");
		Map<Kind, String> labels = new EnumMap<>(Kind.class);
		labels.put(Kind.FIRST_PAGE, "GET /api/calls first page");
		labels.put(Kind.DEEP_PAGE, String.format("GET /api/calls page %,d (by cursor)", deepPage));
		labels.put(Kind.FILTERED, "GET /api/calls?target_id= (filtered)");
		labels.put(Kind.ACTIVE, "GET /api/calls/active");
		Map<Kind, List<String>> paths = new EnumMap<>(Kind.class);
		Map<Kind, String> unavailable = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			try {
				paths.put(kind, paths(kind, deepPage));
			}
			catch (Unavailable ex) {
				unavailable.put(kind, ex.getMessage());
				Log.info("  %s: not available: %s", labels.get(kind), ex.getMessage());
			}
		}
		Map<Kind, List<List<CapturedStatement>>> statements = captureStatements(paths, result);
		Map<Kind, LoadResult> apiResults = new EnumMap<>(Kind.class);
		String target = "p99 < " + (long) TARGET_P99_MILLIS + " ms";
		String at = String.format(" at %,.0f req/s, p50 / p99", this.options.queryRate());
		for (Kind kind : Kind.values()) {
			String measure = labels.get(kind) + at;
			if (unavailable.containsKey(kind)) {
				result.row(ReportRow.notAvailable("3. Queries", measure, unavailable.get(kind), target));
				continue;
			}
			LoadResult api = runApi(paths.get(kind), labels.get(kind));
			apiResults.put(kind, api);
			LoadResult jdbc = statements.containsKey(kind) ? runJdbc(statements.get(kind), labels.get(kind)) : null;
			String ceiling = (jdbc != null) ? "same SQL via JDBC: " + Figures.latencies(jdbc.p50(), jdbc.p99())
					: "no SQL on calls seen for it";
			String failures = (api.failed() > 0) ? String.format(" (%,d failed: %s)", api.failed(), api.failures())
					: "";
			result.row(new ReportRow("3. Queries", measure, Figures.latencies(api.p50(), api.p99()) + failures, ceiling,
					(jdbc != null) ? "p99 " + Figures.times(api.p99(), jdbc.p99()) : "", target,
					Verdict.of(api.failed() == 0 && api.p99() < TARGET_P99_MILLIS)));
		}
		if (apiResults.containsKey(Kind.FIRST_PAGE) && apiResults.containsKey(Kind.DEEP_PAGE)) {
			double ratio = apiResults.get(Kind.DEEP_PAGE).p99() / apiResults.get(Kind.FIRST_PAGE).p99();
			result.row(new ReportRow("3. Queries", String.format("page %,d p99 / first page p99", deepPage),
					String.format("%.2fx", ratio), "", "", "≤ 1.5x", Verdict.of(ratio <= 1.5)));
		}
		this.rss.phase("between");
		return result;
	}

	private List<String> paths(Kind kind, int deepPage) throws Exception {
		List<String> paths = new ArrayList<>();
		switch (kind) {
			case FIRST_PAGE -> {
				check("/api/calls", null);
				this.apps.forEach((app) -> paths.add("/api/calls"));
			}
			case DEEP_PAGE -> paths.addAll(deepPagePaths(deepPage));
			case FILTERED -> {
				for (int i = 0; i < this.apps.size(); i++) {
					paths.add("/api/calls?target_id=" + CallDataset.targetFor(i));
				}
				check(paths.get(0), CallDataset.targetFor(0));
			}
			case ACTIVE -> {
				check("/api/calls/active", null);
				this.apps.forEach((app) -> paths.add("/api/calls/active"));
			}
		}
		return paths;
	}

	private void check(String path, @Nullable Long targetId) throws Exception {
		HttpResponse<String> response = this.api.get(path, this.apps.get(0).apiKey());
		if (response.statusCode() != 200) {
			throw new Unavailable("GET " + path + " answered " + response.statusCode());
		}
		JsonNode items = items(JSON.readTree(response.body()));
		if (items == null || items.isEmpty()) {
			throw new Unavailable("GET " + path + " answered no items on the data set");
		}
		if (targetId != null) {
			for (JsonNode item : items) {
				JsonNode target = item.path("target").path("id");
				if (target.isMissingNode() || target.asLong() != targetId) {
					throw new Unavailable("the target_id filter is not applied (an item of another agent came back)");
				}
			}
		}
	}

	private static @Nullable JsonNode items(JsonNode body) {
		if (body.isArray()) {
			return body;
		}
		for (String field : List.of("items", "calls", "data")) {
			if (body.path(field).isArray()) {
				return body.get(field);
			}
		}
		return null;
	}

	/**
	 * Follows next_cursor up to the start of the deep page, for every app, in parallel.
	 */
	private List<String> deepPagePaths(int page) throws Exception {
		List<AppCredentials> walked = this.apps.subList(0, Math.min(DEEP_PAGE_APPS, this.apps.size()));
		Log.info("  following next_cursor to page %,d for %d apps", page, walked.size());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> cursors = new ArrayList<>();
			for (AppCredentials app : walked) {
				cursors.add(pool.submit(() -> cursorBefore(app, (long) (page - 1) * PAGE_SIZE)));
			}
			List<String> paths = new ArrayList<>();
			for (Future<String> cursor : cursors) {
				try {
					paths.add("/api/calls?cursor=" + URLEncoder.encode(cursor.get(), StandardCharsets.UTF_8));
				}
				catch (java.util.concurrent.ExecutionException ex) {
					if (ex.getCause() instanceof Unavailable unavailable) {
						throw unavailable;
					}
					throw ex;
				}
			}
			return paths;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String cursorBefore(AppCredentials app, long skip) throws Exception {
		String cursor = null;
		long remaining = skip;
		while (remaining > 0) {
			int limit = (int) Math.min(500, remaining);
			String path = "/api/calls?limit=" + limit
					+ ((cursor != null) ? "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) : "");
			HttpResponse<String> response = this.api.get(path, app.apiKey());
			if (response.statusCode() != 200) {
				throw new Unavailable("GET " + path + " answered " + response.statusCode());
			}
			JsonNode body = JSON.readTree(response.body());
			JsonNode items = items(body);
			JsonNode next = body.path("next_cursor");
			if (items == null || items.size() != limit || !next.isString()) {
				throw new Unavailable("paging by cursor stopped early (no next_cursor or a short page)");
			}
			remaining -= items.size();
			cursor = next.asString();
		}
		return cursor;
	}

	/**
	 * For each request of each kind, the statements on calls the query service ran for
	 * it.
	 */
	private Map<Kind, List<List<CapturedStatement>>> captureStatements(Map<Kind, List<String>> paths,
			SectionResult result) {
		Map<Kind, List<List<CapturedStatement>>> captured = new EnumMap<>(Kind.class);
		Log.info("  reading back the query service's SQL for each request (PostgreSQL statement log)");
		try (SqlCapture capture = new SqlCapture(this.system.postgres())) {
			for (var entry : paths.entrySet()) {
				List<List<CapturedStatement>> perRequest = new ArrayList<>();
				for (int i = 0; i < entry.getValue().size(); i++) {
					String path = entry.getValue().get(i);
					String key = this.apps.get(i).apiKey();
					List<CapturedStatement> statements = List.of();
					// a pooled connection applies the logging setting only from its next
					// command on: try again
					for (int attempt = 0; attempt < 3 && statements.isEmpty(); attempt++) {
						statements = capture.capture(() -> this.api.get(path, key));
					}
					if (!statements.isEmpty()) {
						perRequest.add(statements);
					}
					else {
						Log.info("  no statement on calls seen for %s %s (app %d)", entry.getKey(), path, i);
					}
				}
				if (perRequest.size() * 2 >= entry.getValue().size()) {
					captured.put(entry.getKey(), perRequest);
				}
				if (perRequest.size() < entry.getValue().size()) {
					result.note(String.format(
							"Queries: the SQL of %d of the %d %s requests could not be read back; " + "%s.",
							entry.getValue().size() - perRequest.size(), entry.getValue().size(), entry.getKey(),
							captured.containsKey(entry.getKey()) ? "the JDBC ceiling replays the others"
									: "so it has no JDBC ceiling"));
				}
			}
		}
		catch (Exception ex) {
			result.note("Queries: the query service's SQL could not be read back (" + ex.getMessage()
					+ "), so some JDBC ceilings are missing.");
		}
		return captured;
	}

	private LoadResult runApi(List<String> paths, String label) {
		int port = this.system.port(Service.QUERY);
		List<byte[]> requests = new ArrayList<>();
		for (int i = 0; i < paths.size(); i++) {
			requests.add(HttpRequests.get("127.0.0.1:" + port, paths.get(i),
					Map.of("x-app-api-key", this.apps.get(i).apiKey())));
		}
		warmUp(() -> OpenLoop.run(this.options.queryRate(), warmUpDuration(), CONNECTIONS,
				(lane) -> new RequestWorker(new HttpConnection("127.0.0.1", port, Duration.ofSeconds(10)), requests,
						lane)));
		LoadResult result = OpenLoop.run(this.options.queryRate(), this.options.duration(), CONNECTIONS,
				(lane) -> new RequestWorker(new HttpConnection("127.0.0.1", port, Duration.ofSeconds(10)), requests,
						100 + lane));
		Log.info("  %s: %s", label, result.summary());
		return result;
	}

	private LoadResult runJdbc(List<List<CapturedStatement>> requests, String label) {
		// the same connections (and their prepared statements) for the warm-up and the
		// measurement
		List<JdbcWorker> workers = new ArrayList<>();
		for (int lane = 0; lane < JDBC_CONNECTIONS; lane++) {
			workers.add(new JdbcWorker(this.system.db(), requests, lane));
		}
		try {
			warmUp(() -> OpenLoop.run(this.options.queryRate(), warmUpDuration(), JDBC_CONNECTIONS, workers::get));
			LoadResult result = OpenLoop.run(this.options.queryRate(), this.options.duration(), JDBC_CONNECTIONS,
					workers::get);
			Log.info("  %s via JDBC: %s", label, result.summary());
			return result;
		}
		finally {
			workers.forEach(JdbcWorker::disconnect);
		}
	}

	private Duration warmUpDuration() {
		return this.options.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(10);
	}

	private static void warmUp(java.util.function.Supplier<LoadResult> run) {
		run.get();
	}

	/** A request kind the query service does not serve (yet). */
	static final class Unavailable extends Exception {

		Unavailable(String message) {
			super(message);
		}

	}

}
