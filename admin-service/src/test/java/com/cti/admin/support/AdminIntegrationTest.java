package com.cti.admin.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.cti.model.Topics;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole admin service on a random port, against an embedded Kafka broker and one
 * embedded PostgreSQL database per test JVM. Every test class with this annotation (and
 * nothing else that changes the context) shares one Spring context, one broker and one
 * database: tests create their own apps and assert only on their own rows. The
 * required-settings check is off because the broker's address is known only once the
 * context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "cti.required-settings=",
				"cti.admin.internal-api-secret=" + AdminApi.SECRET,
				"cti.admin.auth-failures.max-attempts=" + AdminIntegrationTest.MAX_FAILED_AUTHENTICATIONS })
@EmbeddedKafka(partitions = 2, topics = Topics.DIALPAD_EVENTS)
@ContextConfiguration(initializers = AdminTestDatabase.class)
public @interface AdminIntegrationTest {

	/**
	 * Failed authentications allowed per source address and minute: every test class
	 * sends its 401 cases from 127.0.0.1, so this is higher than the default.
	 */
	int MAX_FAILED_AUTHENTICATIONS = 30;

}
