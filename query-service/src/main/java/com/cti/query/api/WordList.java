package com.cti.query.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A filter of one or more comma-separated lower-case words (states, statuses): values
 * that Dialpad may extend, so any word is accepted. Blanks around a word and trailing
 * commas are allowed; {@link SqlFilter#words} splits it.
 */
@Constraint(validatedBy = WordListValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface WordList {

	String message() default "must be one or more comma-separated lower-case words such as ringing,connected "
			+ "(got '${validatedValue}')";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
