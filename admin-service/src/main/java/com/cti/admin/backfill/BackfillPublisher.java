package com.cti.admin.backfill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.cti.admin.dialpad.ProvisioningProblems;
import com.cti.model.DialpadEventReceived;
import com.cti.model.Topics;
import com.cti.platform.KafkaSends;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Feeds backfilled calls into the normal pipeline: the same envelope, key and headers as
 * the ingest service, on {@link Topics#DIALPAD_EVENTS}, acknowledged by Kafka before the
 * call answers.
 */
@Component
class BackfillPublisher {

	private static final long TIMEOUT_MILLIS = 15_000;

	private final KafkaTemplate<String, Object> kafkaTemplate;

	BackfillPublisher(KafkaTemplate<String, Object> kafkaTemplate) {
		this.kafkaTemplate = kafkaTemplate;
	}

	/** Publishes the events (keyed by call id) and waits until Kafka has all of them. */
	void publish(List<Keyed> events) {
		List<CompletableFuture<SendResult<String, Object>>> sent = new ArrayList<>();
		for (Keyed keyed : events) {
			var record = new ProducerRecord<String, Object>(Topics.DIALPAD_EVENTS, keyed.key(), keyed.event());
			KafkaSends.addEnvelopeHeaders(record.headers(), keyed.event());
			sent.add(this.kafkaTemplate.send(record));
		}
		long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
		for (CompletableFuture<SendResult<String, Object>> future : sent) {
			try {
				KafkaSends.awaitAcknowledged(future, Duration.ofMillis(deadline - System.currentTimeMillis()));
			}
			catch (KafkaSends.NotAcknowledgedException ex) {
				throw notPublished(ex.getCause());
			}
		}
	}

	private static ErrorResponseException notPublished(Throwable cause) {
		ErrorResponseException problem = ProvisioningProblems.of(HttpStatus.SERVICE_UNAVAILABLE,
				"backfill-not-published", "Kafka unavailable",
				"Kafka did not acknowledge the backfilled calls (" + cause.getClass().getSimpleName()
						+ "); the calls published so far are kept. Try again: repeating a backfill is safe.");
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
		return problem;
	}

	/** An envelope and its Kafka key (the call id). */
	record Keyed(String key, DialpadEventReceived event) {
	}

}
