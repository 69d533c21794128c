package com.cti.query.api;

import java.util.Arrays;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link WordList}: every word that {@link SqlFilter#words} splits it into.
 */
class WordListValidator implements ConstraintValidator<WordList, String> {

	private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	@Override
	public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
		return value == null || Arrays.stream(SqlFilter.words(value)).allMatch(WORD.asMatchPredicate());
	}

}
