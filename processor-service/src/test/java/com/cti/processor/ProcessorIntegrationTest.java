package com.cti.processor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.cti.model.Topics;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * The processor against an embedded KRaft broker and a fresh database on the test JVM's
 * embedded PostgreSQL; one context (one broker, one database) shared by every test class
 * that carries this annotation. Tests keep apart by creating their own apps.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ProcessorApplication.class,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "cti.required-settings=",
				"cti.kafka.partitions=" + ProcessorIntegrationTest.PARTITIONS, "cti.processor.max-poll-records=200" })
@EmbeddedKafka(partitions = ProcessorIntegrationTest.PARTITIONS,
		topics = { Topics.DIALPAD_EVENTS, Topics.DIALPAD_EVENTS_DLT })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import({ TestEventSender.Configuration.class, ProcessorIntegrationTest.Spans.class })
public @interface ProcessorIntegrationTest {

	int PARTITIONS = 3;

	/**
	 * The spans the context exports (Boot's tracer exports to every exporter bean): those
	 * sampled, so of a record whose {@code traceparent} says sampled.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	class Spans {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
