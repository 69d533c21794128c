package com.cti.admin.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A Kafka producer interceptor ({@code interceptor.classes}) that can stop the next send
 * of a key in the sender's thread until the test lets it go, and counts the sends of each
 * key and the most that were in the producer's send call at once: what a test needs to
 * see two deliveries of one key overlap, or not. State is static (Kafka makes the
 * instance); one test at a time.
 */
public class HeldSends implements ProducerInterceptor<Object, Object> {

	private static final Map<String, AtomicInteger> underWay = new ConcurrentHashMap<>();

	private static final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();

	private static final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

	private static volatile @Nullable String keyToHold;

	private static volatile CountDownLatch holding = new CountDownLatch(1);

	private static volatile CountDownLatch released = new CountDownLatch(0);

	/** The next send of the key stops until {@link #release()}. */
	static void holdNext(String key) {
		holding = new CountDownLatch(1);
		released = new CountDownLatch(1);
		keyToHold = key;
	}

	/** Whether a send of the key is stopped here now (waiting up to the timeout). */
	static boolean awaitHeld(Duration timeout) throws InterruptedException {
		return holding.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	static void release() {
		released.countDown();
	}

	/** The most sends of the key that were under way at the same time. */
	static int mostAtOnce(String key) {
		return counter(mostAtOnce, key).get();
	}

	/** How many sends of the key began. */
	static int sent(String key) {
		return counter(sent, key).get();
	}

	@Override
	public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
		String key = String.valueOf(record.key());
		counter(sent, key).incrementAndGet();
		int now = counter(underWay, key).incrementAndGet();
		counter(mostAtOnce, key).accumulateAndGet(now, Math::max);
		try {
			if (key.equals(keyToHold)) {
				keyToHold = null;
				holding.countDown();
				released.await(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			counter(underWay, key).decrementAndGet();
		}
		return record;
	}

	@Override
	public void onAcknowledgement(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
	}

	@Override
	public void close() {
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

	private static AtomicInteger counter(Map<String, AtomicInteger> counters, String key) {
		return counters.computeIfAbsent(key, (ignored) -> new AtomicInteger());
	}

}
