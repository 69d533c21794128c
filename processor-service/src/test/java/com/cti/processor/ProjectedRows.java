package com.cti.processor;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything the processor keeps for one app, column by column, without the app id and
 * the write times: to compare two apps fed the same events, or one app before and after.
 *
 * @param calls the calls rows by call id
 * @param messages the messages rows by message id
 * @param voicemails the voicemails rows by call id
 * @param events the raw log: kind, content hash, processed and error of each row
 */
public record ProjectedRows(Map<Object, Map<String, Object>> calls, Map<Object, Map<String, Object>> messages,
		Map<Object, Map<String, Object>> voicemails, List<String> events) {

	public static ProjectedRows of(JdbcClient jdbc, UUID app) {
		TestData data = new TestData(jdbc);
		return new ProjectedRows(data.comparable("calls", "call_id", app),
				data.comparable("messages", "message_id", app), data.comparable("voicemails", "call_id", app),
				jdbc.sql("""
						select kind || ' ' || content_hash || ' ' || processed || ' ' || coalesce(processing_error, '')
						from webhook_events where app_id = :app order by 1
						""").param("app", app).query(String.class).list());
	}

}
