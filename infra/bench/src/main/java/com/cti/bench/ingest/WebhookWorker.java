package com.cti.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cti.bench.events.EventStream;
import com.cti.bench.events.GeneratedEvent;
import com.cti.bench.events.Hs256Signer;
import com.cti.bench.ledger.Ledger;
import com.cti.bench.ledger.LedgerEntry;
import com.cti.bench.load.HttpConnection;
import com.cti.bench.load.HttpRequests;
import com.cti.bench.load.HttpResponse;
import com.cti.bench.load.Worker;
import com.cti.bench.system.AppCredentials;
import org.jspecify.annotations.Nullable;

/**
 * One load-generator connection posting signed events to
 * {@code /webhooks/dialpad/{app_id}}. The event is generated and signed before its slot
 * is due; a 2xx goes into the ledger (when there is one) and to the listener.
 */
public final class WebhookWorker implements Worker<WebhookWorker.Prepared> {

	private final EventStream events;

	private final Hs256Signer signer;

	private final HttpConnection connection;

	private final String hostAndPort;

	private final List<AppCredentials> apps;

	private final @Nullable Ledger ledger;

	private final @Nullable AcceptedListener listener;

	private final List<LedgerEntry> accepted = new ArrayList<>();

	WebhookWorker(EventStream events, Hs256Signer signer, HttpConnection connection, String hostAndPort,
			List<AppCredentials> apps, @Nullable Ledger ledger, @Nullable AcceptedListener listener) {
		this.events = events;
		this.signer = signer;
		this.connection = connection;
		this.hostAndPort = hostAndPort;
		this.apps = apps;
		this.ledger = ledger;
		this.listener = listener;
	}

	@Override
	public Prepared prepare(long slot) {
		GeneratedEvent event = this.events.next();
		AppCredentials app = this.apps.get(event.app());
		byte[] request = HttpRequests.post(this.hostAndPort, "/webhooks/dialpad/" + app.id(), Map.of(),
				"application/jwt", this.signer.sign(event.json()));
		String md5 = (this.ledger != null) ? LedgerEntry.md5(event.json()) : null;
		return new Prepared(event, app, request, md5);
	}

	@Override
	public @Nullable String execute(Prepared prepared, long scheduledNanos) throws Exception {
		HttpResponse response = this.connection.exchange(prepared.request);
		if (!response.isSuccess()) {
			return "http " + response.status();
		}
		if (prepared.md5 != null) {
			GeneratedEvent event = prepared.event;
			this.accepted.add(new LedgerEntry(prepared.app.id(), event.kind(), event.resourceId(), prepared.md5));
		}
		if (this.listener != null) {
			this.listener.accepted(prepared.event, prepared.app, System.nanoTime());
		}
		return null;
	}

	@Override
	public void close() {
		if (this.ledger != null) {
			this.ledger.addAll(this.accepted);
		}
		this.connection.close();
	}

	/** An event ready to send. */
	public record Prepared(GeneratedEvent event, AppCredentials app, byte[] request, @Nullable String md5) {
	}

	/** Told of each event that got a 2xx. */
	@FunctionalInterface
	public interface AcceptedListener {

		void accepted(GeneratedEvent event, AppCredentials app, long acceptedNanos);

	}

}
