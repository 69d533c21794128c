package com.cti.bench.events;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * An endless stream of realistic events for one load-generator connection: several
 * lifecycles in progress at once, their events interleaved round-robin, each lifecycle
 * rendered with fresh ids, its times shifted to the time it starts, and addressed to one
 * app. Not thread-safe: one per connection.
 */
public final class EventStream {

	private final FixtureLibrary library;

	private final SplittableRandom random;

	private final IdSource ids;

	private final ToIntFunction<SplittableRandom> appPicker;

	private final LongSupplier clockMillis;

	private final Running[] running;

	private int next;

	/**
	 * @param concurrent how many lifecycles are in progress at once (consecutive events
	 * of one lifecycle are that many events apart on this stream)
	 */
	public EventStream(FixtureLibrary library, long seed, IdSource ids, ToIntFunction<SplittableRandom> appPicker,
			int concurrent, LongSupplier clockMillis) {
		this.library = library;
		this.random = new SplittableRandom(seed);
		this.ids = ids;
		this.appPicker = appPicker;
		this.clockMillis = clockMillis;
		this.running = new Running[concurrent];
	}

	public GeneratedEvent next() {
		int index = this.next;
		this.next = (this.next + 1) % this.running.length;
		Running lifecycle = this.running[index];
		if (lifecycle == null || lifecycle.position == lifecycle.lifecycle.events().size()) {
			lifecycle = start();
			this.running[index] = lifecycle;
		}
		EventTemplate template = lifecycle.lifecycle.events().get(lifecycle.position++);
		String json = template.render(lifecycle.ids, lifecycle.baseMillis);
		long resourceId = (template.resourceSlot() >= 0) ? lifecycle.ids[template.resourceSlot()] : -1;
		return new GeneratedEvent(lifecycle.app, json, template.kind(), resourceId, template.firstOfLeg(),
				template.state());
	}

	private Running start() {
		Lifecycle lifecycle = this.library.pick(this.random);
		long[] fresh = new long[lifecycle.idCount()];
		for (int i = 0; i < fresh.length; i++) {
			fresh[i] = this.ids.next();
		}
		return new Running(lifecycle, fresh, this.ids.startMillis(this.clockMillis.getAsLong()),
				this.appPicker.applyAsInt(this.random));
	}

	private static final class Running {

		private final Lifecycle lifecycle;

		private final long[] ids;

		private final long baseMillis;

		private final int app;

		private int position;

		Running(Lifecycle lifecycle, long[] ids, long baseMillis, int app) {
			this.lifecycle = lifecycle;
			this.ids = ids;
			this.baseMillis = baseMillis;
			this.app = app;
		}

	}

}
