package com.cti.platform;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's error page for what Tomcat refuses before Spring MVC sees it (a request line
 * or headers beyond {@code server.max-http-request-header-size}, a malformed request
 * line, a URI that does not decode): an RFC 9457 problem like every other error of the
 * API, instead of Tomcat's HTML page. It says nothing of the server, the exception or the
 * request (whose URI may be the very thing that was refused).
 */
class ProblemErrorReportValve extends ErrorReportValve {

	ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(problem(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone, or the response was committed meanwhile
		}
	}

	static String problem(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		String detail = (status == 400)
				? "The request could not be read: its request line or headers are malformed or too large"
				: "The server could not answer this request";
		return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
				+ "\"}";
	}

}
