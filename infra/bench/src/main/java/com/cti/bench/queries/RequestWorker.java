package com.cti.bench.queries;

import java.util.List;
import java.util.SplittableRandom;

import com.cti.bench.load.HttpConnection;
import com.cti.bench.load.HttpResponse;
import com.cti.bench.load.Worker;
import org.jspecify.annotations.Nullable;

/**
 * One load-generator connection sending prepared GET requests (each for a random app of
 * the data set); a request succeeds on 200.
 */
final class RequestWorker implements Worker<byte[]> {

	private final HttpConnection connection;

	private final List<byte[]> requests;

	private final SplittableRandom random;

	RequestWorker(HttpConnection connection, List<byte[]> requests, long seed) {
		this.connection = connection;
		this.requests = requests;
		this.random = new SplittableRandom(seed);
	}

	@Override
	public byte[] prepare(long slot) {
		return this.requests.get(this.random.nextInt(this.requests.size()));
	}

	@Override
	public @Nullable String execute(byte[] request, long scheduledNanos) throws Exception {
		HttpResponse response = this.connection.exchange(request);
		return (response.status() == 200) ? null : "http " + response.status();
	}

	@Override
	public void close() {
		this.connection.close();
	}

}
