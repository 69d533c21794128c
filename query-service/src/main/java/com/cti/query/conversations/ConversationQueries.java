package com.cti.query.conversations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.cti.query.api.Cursor;
import com.cti.query.api.PageRequest;
import com.cti.query.api.Rows;
import com.cti.query.api.SqlFilter;
import com.cti.query.api.TimeRange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds conversations by their first leg: a conversation sorts at the time its first leg
 * started, and a page walks the {@code calls} keyset index skipping every leg that is not
 * the first of its conversation.
 */
@Component
class ConversationQueries {

	static final String CURSOR_KIND = "v";

	private final JdbcClient jdbc;

	ConversationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit + 1} conversations of the app, newest first. */
	List<Head> list(UUID appId, TimeRange time, PageRequest page) {
		SqlFilter sql = new SqlFilter();
		if (time.from() != null) {
			sql.add("c.sort_at >= :from", "from", SqlFilter.utc(time.from()));
		}
		if (time.to() != null) {
			sql.add("c.sort_at < :to", "to", SqlFilter.utc(time.to()));
		}
		if (page.after() != null) {
			sql.after("c.sort_at", "c.call_id", page.after());
		}
		return this.jdbc.sql("""
				select c.conversation_id, c.call_id, c.sort_at from calls c
				where c.app_id = :appId %s
				  and not exists (select 1 from calls e where e.app_id = c.app_id
				                  and e.conversation_id = c.conversation_id
				                  and (e.sort_at, e.call_id) < (c.sort_at, c.call_id))
				order by c.sort_at desc, c.call_id desc
				limit :limit
				""".formatted(sql.where().isEmpty() ? "" : "and " + sql.where()))
			.params(sql.params())
			.param("appId", appId)
			.param("limit", page.limit() + 1)
			.query((rs, rowNum) -> new Head(rs.getLong("conversation_id"), rs.getLong("call_id"), Rows.sortAt(rs)))
			.list();
	}

	/**
	 * The conversation with this id, or the one the leg with this call id belongs to (a
	 * conversation's id changes when an earlier leg links in later).
	 */
	Optional<Long> resolve(UUID appId, long id) {
		return this.jdbc.sql("""
				select conversation_id from calls where app_id = :appId and conversation_id = :id
				union all
				select conversation_id from calls where app_id = :appId and call_id = :id
				limit 1
				""").param("appId", appId).param("id", id).query(Long.class).optional();
	}

	/** The first leg of a conversation, the position it sorts at. */
	record Head(long conversationId, long callId, OffsetDateTime sortAt) {

		Cursor cursor() {
			return new Cursor(CURSOR_KIND, this.sortAt, this.callId);
		}

	}

}
