package com.cti.bench.ingest;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import com.cti.bench.events.EventStream;
import com.cti.bench.events.FixtureLibrary;
import com.cti.bench.events.Hs256Signer;
import com.cti.bench.events.IdSource;
import com.cti.bench.ledger.Ledger;
import com.cti.bench.load.HttpConnection;
import com.cti.bench.load.LoadResult;
import com.cti.bench.load.OpenLoop;
import com.cti.bench.load.Worker;
import com.cti.bench.system.AppCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Realistic signed webhook traffic for an open-loop run: which events, for which apps,
 * signed with which secret, over how many connections.
 *
 * @param fixtures the lifecycles
 * @param ids where fresh ids come from
 * @param secret the webhook secret
 * @param apps the apps the events are addressed to
 * @param appPicker picks the app of each new lifecycle (an index into apps)
 * @param connections the load generator's connections
 * @param concurrentLifecycles lifecycles in progress at once on each connection
 */
public record WebhookTraffic(FixtureLibrary fixtures, IdSource ids, String secret, List<AppCredentials> apps,
		ToIntFunction<SplittableRandom> appPicker, int connections, int concurrentLifecycles) {

	/** Timeout of one request: Dialpad waits 5 s for an answer. */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	public LoadResult run(int port, double rate, Duration duration, long seed, @Nullable Ledger ledger,
			WebhookWorker.@Nullable AcceptedListener listener) {
		return OpenLoop.run(rate, duration, this.connections, workers(port, seed, ledger, listener));
	}

	private IntFunction<Worker<WebhookWorker.Prepared>> workers(int port, long seed, @Nullable Ledger ledger,
			WebhookWorker.@Nullable AcceptedListener listener) {
		return (lane) -> new WebhookWorker(
				new EventStream(this.fixtures, seed * 1_000 + lane, this.ids, this.appPicker, this.concurrentLifecycles,
						System::currentTimeMillis),
				new Hs256Signer(this.secret), new HttpConnection("127.0.0.1", port, REQUEST_TIMEOUT),
				"127.0.0.1:" + port, this.apps, ledger, listener);
	}

}
