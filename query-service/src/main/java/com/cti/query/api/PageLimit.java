package com.cti.query.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The {@code limit} of a list request: 1 to {@link PageRequest#MAX_LIMIT}.
 */
@Min(1)
@Max(PageRequest.MAX_LIMIT)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface PageLimit {

	String message() default "must be between 1 and " + PageRequest.MAX_LIMIT + " (got ${validatedValue})";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
