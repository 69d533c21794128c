package com.cti.query.api;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A phone number in E.164 form, as a filter: any common spelling is accepted (spaces,
 * dots, dashes, slashes and brackets are dropped, a leading {@code 00} becomes {@code +},
 * and a number of digits only gets a {@code +}).
 *
 * @param e164 the normalised number, such as {@code +14155550101}
 */
public record PhoneNumber(String e164) {

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{5,14}");

	private static final Pattern PUNCTUATION = Pattern.compile("[\\s().\\-/]");

	public PhoneNumber {
		if (!E164.matcher(e164).matches()) {
			throw new IllegalArgumentException("Not an E.164 number: " + e164);
		}
	}

	/**
	 * @return null for an empty text (an absent filter)
	 * @throws IllegalArgumentException when it is no phone number
	 */
	static @Nullable PhoneNumber parse(String text) {
		if (text.isEmpty()) {
			return null;
		}
		String number = PUNCTUATION.matcher(text).replaceAll("");
		if (number.startsWith("00")) {
			number = "+" + number.substring(2);
		}
		else if (!number.startsWith("+")) {
			number = "+" + number;
		}
		return new PhoneNumber(number);
	}

}
