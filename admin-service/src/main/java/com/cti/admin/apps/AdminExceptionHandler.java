package com.cti.admin.apps;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the admin API into an RFC 9457 problem.
 */
@RestControllerAdvice(basePackages = "com.cti.admin")
class AdminExceptionHandler extends ResponseEntityExceptionHandler {

}
