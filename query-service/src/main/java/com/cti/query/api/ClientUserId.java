package com.cti.query.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Size;

/**
 * A client's own user id as a filter ({@code user_id}, looked up in the app's user
 * mappings): at most 200 characters.
 */
@Size(max = 200)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface ClientUserId {

	String message() default "must be at most 200 characters long";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
