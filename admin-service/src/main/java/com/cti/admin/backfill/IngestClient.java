package com.cti.admin.backfill;

import java.net.http.HttpClient;
import java.util.List;
import java.util.UUID;

import com.cti.admin.dialpad.ProvisioningProblems;
import com.cti.admin.security.AdminProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Hands backfilled calls to the ingest service's internal intake ({@code POST
 * /internal/intake/{app_id}/calls}, Bearer {@code INTERNAL_API_SECRET}), so that they
 * enter {@code cti.dialpad-events} as webhooks do: ingest classifies them (key, content
 * hash, headers) and answers once every one is durable (Kafka, or its spool). Uses Boot's
 * HTTP client with timeouts of its own, in batches of a bounded size.
 */
@Component
class IngestClient {

	private static final String RETRY_AFTER_SECONDS = "10";

	private final RestClient restClient;

	private final IngestIntakeProperties properties;

	IngestClient(RestClient.Builder restClientBuilder, ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
			HttpClientSettings httpClientSettings, IngestIntakeProperties properties, AdminProperties admin) {
		this.properties = properties;
		ClientHttpRequestFactoryBuilder<?> factories = requestFactoryBuilder;
		if (factories instanceof JdkClientHttpRequestFactoryBuilder jdk) {
			// HTTP/1.1: the JDK client's cleartext HTTP/2 upgrade (h2c) loses request
			// bodies with some servers
			factories = jdk.withHttpClientCustomizer((client) -> client.version(HttpClient.Version.HTTP_1_1));
		}
		this.restClient = restClientBuilder.baseUrl(properties.baseUrl())
			.requestFactory(factories
				.build(httpClientSettings.withTimeouts(properties.connectTimeout(), properties.readTimeout())))
			.defaultHeaders((headers) -> headers.setBearerAuth(admin.internalApiSecret()))
			.build();
	}

	/**
	 * Returns once ingest has every call durably, in batches of at most the batch size.
	 * @param appId the app the calls belong to
	 * @param calls the calls as Dialpad's call list returned them
	 * @throws ErrorResponseException a 503 {@code backfill-not-published} problem with
	 * {@code Retry-After} when ingest could not take them (the batches before were
	 * taken), a 502 {@code backfill-ingest-refused} when ingest refused the request
	 */
	void publish(UUID appId, List<JsonNode> calls) {
		for (int start = 0; start < calls.size(); start += this.properties.batchSize()) {
			List<JsonNode> batch = calls.subList(start, Math.min(calls.size(), start + this.properties.batchSize()));
			try {
				this.restClient.post()
					.uri("/internal/intake/{appId}/calls", appId)
					.contentType(MediaType.APPLICATION_JSON)
					.body(batch)
					.retrieve()
					.toBodilessEntity();
			}
			catch (ResourceAccessException ex) {
				throw notPublished("ingest at " + this.properties.baseUrl() + " (CTI_INGEST_URL) could not be reached ("
						+ rootCause(ex) + ")", null);
			}
			catch (RestClientResponseException ex) {
				throw answered(ex);
			}
		}
	}

	private ErrorResponseException answered(RestClientResponseException ex) {
		String answer = ex.getStatusCode().value() + problemType(ex);
		if (ex.getStatusCode().is5xxServerError()) {
			return notPublished("ingest could not store them right now (" + answer + ")",
					ex.getResponseHeaders() != null ? ex.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER) : null);
		}
		return ProvisioningProblems.of(HttpStatus.BAD_GATEWAY, "backfill-ingest-refused", "Ingest refused the calls",
				"The ingest service at " + this.properties.baseUrl() + " refused the backfilled calls (" + answer
						+ "): check that it has the admin's INTERNAL_API_SECRET and that CTI_INGEST_URL names it");
	}

	private static ErrorResponseException notPublished(String why, @Nullable String retryAfter) {
		ErrorResponseException problem = ProvisioningProblems.of(HttpStatus.SERVICE_UNAVAILABLE,
				"backfill-not-published", "Ingest unavailable", "The backfilled calls were not all handed over: " + why
						+ "; the calls handed over so far are kept. Try again: repeating a backfill is safe.");
		problem.getHeaders()
			.set(HttpHeaders.RETRY_AFTER,
					(retryAfter != null && retryAfter.matches("[0-9]{1,5}")) ? retryAfter : RETRY_AFTER_SECONDS);
		return problem;
	}

	/** The problem type ingest answered with, when it answered with a problem. */
	private static String problemType(RestClientResponseException ex) {
		try {
			ProblemDetail problem = ex.getResponseBodyAs(ProblemDetail.class);
			return (problem != null && problem.getType() != null) ? " " + problem.getType() : "";
		}
		catch (RuntimeException notAProblem) {
			return "";
		}
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName();
	}

}
