package com.cti.bench.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every event of one section that got a 2xx (or was written to the backlog), to be found
 * again after processing. Connections collect entries locally and hand them over when
 * they finish.
 */
public final class Ledger {

	private final String section;

	private final Set<UUID> apps = new LinkedHashSet<>();

	private final List<LedgerEntry> entries = new ArrayList<>();

	public Ledger(String section, Collection<UUID> apps) {
		this.section = section;
		this.apps.addAll(apps);
	}

	public String section() {
		return this.section;
	}

	/** The apps the section's events were addressed to. */
	public Set<UUID> apps() {
		return this.apps;
	}

	public synchronized void addAll(Collection<LedgerEntry> accepted) {
		this.entries.addAll(accepted);
	}

	public synchronized List<LedgerEntry> entries() {
		return List.copyOf(this.entries);
	}

	public synchronized int size() {
		return this.entries.size();
	}

}
