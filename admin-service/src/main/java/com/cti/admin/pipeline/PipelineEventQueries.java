package com.cti.admin.pipeline;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.cti.admin.pipeline.PipelineStatus.AppActivity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what the pipeline has stored ({@code webhook_events}, owned by the processor):
 * how many events wait for an admin, and each app's latest event.
 */
@Component
class PipelineEventQueries {

	private final JdbcClient jdbc;

	PipelineEventQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Events without an app that the processor has not resolved. */
	long unattributed() {
		return this.jdbc.sql("select count(*) from webhook_events where app_id is null and not processed")
			.query(Long.class)
			.single();
	}

	/** Events the processor could not apply and has not resolved. */
	long failed() {
		return this.jdbc.sql("select count(*) from webhook_events where processing_error is not null and not processed")
			.query(Long.class)
			.single();
	}

	/** Every app with the time of its latest event, if any. */
	List<AppActivity> lastEventPerApp() {
		return this.jdbc.sql("""
				select a.id, a.name, a.enabled,
				       (select max(e.received_at) from webhook_events e where e.app_id = a.id) as last_event_at
				from apps a
				order by a.created_at, a.id
				""").query((rs, n) -> {
			OffsetDateTime last = rs.getObject("last_event_at", OffsetDateTime.class);
			return new AppActivity(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("enabled"),
					(last != null) ? last.toInstant() : null);
		}).list();
	}

}
