package com.cti.admin.paging;

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
 * The {@code limit} of every paged list under {@code /internal}: 1 to {@link #MAX}, the
 * query API's own maximum, so that no request makes the database read and the service
 * hold an unbounded page. A larger one is refused (400), not clamped, as the query API
 * does.
 */
@Min(1)
@Max(PageLimit.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface PageLimit {

	/** The largest page any {@code /internal} list returns. */
	int MAX = 500;

	String message() default "must be between 1 and " + MAX + " (got ${validatedValue})";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
