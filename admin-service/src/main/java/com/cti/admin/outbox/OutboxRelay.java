package com.cti.admin.outbox;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers what the outbox has owed for a while: messages whose request could not hand
 * them to Kafka (Kafka was down) or did not live to (the instance stopped after the
 * commit). Fresh debts are left to the request that is delivering them.
 */
@Component
class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	static final Duration SETTLE = Duration.ofSeconds(30);

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final Outbox outbox;

	private final Clock clock;

	OutboxRelay(Outbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${cti.admin.outbox.relay-interval:PT10S}",
			initialDelayString = "${cti.admin.outbox.relay-interval:PT10S}")
	void relay() {
		for (Outbox.Owed owed : this.outbox.owedSince(this.clock.instant().minus(SETTLE), 100)) {
			try {
				this.outbox.deliver(owed.topic(), owed.messageKey(), TIMEOUT);
			}
			catch (Outbox.NotDeliveredException ex) {
				logger.warn("{}; trying again later", ex.getMessage());
				return;
			}
			catch (RuntimeException ex) {
				logger.error("Could not deliver the message for {} on {}", owed.messageKey(), owed.topic(), ex);
			}
		}
	}

}
