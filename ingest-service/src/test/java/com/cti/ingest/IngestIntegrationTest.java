package com.cti.ingest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The ingest service on a random port against an embedded KRaft broker; one context (and
 * one broker) shared by every test class that carries this annotation. The
 * required-settings check is off because the broker's address is known only once the
 * context is being built. The internal intake is on (its secret set), with a body limit
 * small enough that a test of it stays cheap. The tests post events with fixed timestamps
 * to random apps under the global secret, so the replay window is wide and unregistered
 * apps are accepted (the default, written out); {@code WebhookBindingIntegrationTests}
 * runs the default window with unregistered apps refused. The spans are kept in memory
 * ({@link Spans}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "cti.required-settings=",
				"cti.ingest.webhook-secret=" + IngestIntegrationTest.WEBHOOK_SECRET,
				"cti.ingest.default-app-id=" + IngestIntegrationTest.DEFAULT_APP_ID,
				"cti.ingest.intake.internal-api-secret=" + IngestIntegrationTest.INTERNAL_API_SECRET,
				"cti.ingest.intake.max-body-size=512KB", "cti.ingest.replay-window=3650000d",
				"cti.ingest.accept-unregistered-apps=true",
				"cti.ingest.secrets.encryption-key=" + IngestIntegrationTest.ENCRYPTION_KEY,
				"cti.ingest.spool.directory=target/spool/${random.uuid}" })
@EmbeddedKafka
@Import(IngestIntegrationTest.Spans.class)
public @interface IngestIntegrationTest {

	/** The global {@code DIALPAD_WEBHOOK_SECRET} of the test context. */
	String WEBHOOK_SECRET = "test-webhook-secret-0f6b1d2e9a";

	/** The {@code INTERNAL_API_SECRET} of the test context (the intake's Bearer). */
	String INTERNAL_API_SECRET = "test-internal-api-secret-7c1e0b5d";

	/** The {@code CTI_ENCRYPTION_KEY} of the test context (32 bytes, base64). */
	String ENCRYPTION_KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

	/** The {@code DEFAULT_APP_ID} of the test context. */
	String DEFAULT_APP_ID = "5b0e7d4c-0000-4000-8000-00000000d3fa";

	/**
	 * The spans the context exports (Boot's tracer exports to every exporter bean): those
	 * sampled, so of a request that comes with a sampled {@code traceparent}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	class Spans {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
