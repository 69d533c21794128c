package com.cti.platform.fuzz;

import java.util.Map;
import java.util.Set;

/**
 * Who sends a request: the credentials headers, and what the answer must never contain
 * (another app's data).
 *
 * @param label a name for the report ("app A", "no key", ...)
 * @param headers the headers that carry the credentials
 * @param forbidden texts that no answer to this caller may contain (other apps' ids and
 * names)
 */
public record FuzzCaller(String label, Map<String, String> headers, Set<String> forbidden) {

	@Override
	public String toString() {
		return this.label;
	}

}
