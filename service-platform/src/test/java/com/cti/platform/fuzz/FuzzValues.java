package com.cti.platform.fuzz;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Values for parameters and body fields: valid ones for the parameter's type, and hostile
 * ones (wrong types, out-of-range numbers, empty, unicode, very long, SQL and JSON
 * metacharacters).
 */
public final class FuzzValues {

	private static final List<String> HOSTILE = List.of("", " ", "-1", "0", "-0", "1.5", "1e400", "NaN", "Infinity",
			"9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999",
			"2147483648", "0x7f", "+1", "00000000001", " 42 ", "true", "null", "undefined", "[]", "{}", "[1,2]",
			"{\"a\":1}", "\"", "'", "\\", "%", "%00", "%zz", "'; drop table calls; --", "' or '1'='1", "1 or 1=1",
			"1; select pg_sleep(5)", "\"}{\"", "${jndi:ldap://127.0.0.1/a}", "#{1+1}", "../../etc/passwd",
			"<script>alert(1)</script>", "\u0000", "\r\n", "\t", "ñandú", "日本語", "\uD83D\uDE00", "\uFFFF", "\uD800",
			"a,b,,c", ",", "*", "?", "&", "=", "+14155550100", "+1 (415) 555-0100", "not-a-uuid",
			"00000000-0000-0000-0000-000000000000", "2026-13-45T99:99:99Z", "2026-01-01", "1970-01-01T00:00:00Z",
			"9999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "P1D", "now", "cti_");

	private FuzzValues() {
	}

	/** Hostile text: a known nasty value, random unicode, or a very long string. */
	public static Arbitrary<String> hostile() {
		return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(HOSTILE)),
				Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
				Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofLength(3000)),
				// beyond the 8 KB of a request line once encoded: Tomcat itself refuses
				// it
				Tuple.of(1, Arbitraries.strings().withChars('\u00e9').ofLength(3000)));
	}

	/**
	 * Valid values for the parameter (its examples and its type's), or hostile ones: none
	 * at hostility 0, one in seven at 1, two in five at 2.
	 */
	public static Arbitrary<String> forParameter(FuzzParameter parameter, List<String> extraValid, int hostility) {
		List<String> known = new ArrayList<>(parameter.validValues());
		known.addAll(extraValid);
		Arbitrary<String> valid = validFor(parameter);
		if (!known.isEmpty()) {
			// mostly the documented and seeded values: a random text is rarely a valid
			// time or number
			valid = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(known)), Tuple.of(1, valid));
		}
		return switch (hostility) {
			case 0 -> known.isEmpty() ? valid : Arbitraries.of(known);
			case 1 -> Arbitraries.frequencyOf(Tuple.of(6, valid), Tuple.of(1, hostile()));
			default -> Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(2, hostile()));
		};
	}

	private static Arbitrary<String> validFor(FuzzParameter parameter) {
		return switch (parameter.type()) {
			case "integer" -> Arbitraries.oneOf(Arbitraries.integers().between(0, 600).map(String::valueOf),
					Arbitraries.longs().map(String::valueOf));
			case "number" -> Arbitraries.doubles().map(String::valueOf);
			case "boolean" -> Arbitraries.of("true", "false");
			default -> switch (parameter.format()) {
				case "date-time" -> Arbitraries.longs()
					.between(-400L * 24 * 3600, 400L * 24 * 3600)
					.map((seconds) -> Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds).toString());
				case "uuid" -> Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
					.as((high, low) -> new UUID(high, low).toString());
				default -> Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
			};
		};
	}

	/** A header value the HTTP client can send: printable ASCII, sometimes long. */
	public static Arbitrary<String> headerValue() {
		return Arbitraries.oneOf(
				Arbitraries.of("", "null", "Bearer", "Bearer ", "bearer x", "Basic YTpi", "cti_",
						"cti_" + "A".repeat(43), "' or 1=1 --", "%00", "\"}{"),
				Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60),
				Arbitraries.strings().withCharRange('a', 'z').ofLength(4000));
	}

}
