package com.cti.query.api;

/**
 * The id of a resource in a path ({@code /api/calls/{call_id}}): a positive whole number.
 *
 * @param value the id
 */
public record ResourceId(long value) {

	public ResourceId {
		if (value <= 0) {
			throw new IllegalArgumentException("Not a positive id: " + value);
		}
	}

	/**
	 * @throws IllegalArgumentException when the text is not a positive whole number in
	 * decimal
	 */
	static ResourceId parse(String text) {
		return new ResourceId(Long.parseLong(text));
	}

}
