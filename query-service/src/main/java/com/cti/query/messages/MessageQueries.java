package com.cti.query.messages;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.cti.query.api.Cursor;
import com.cti.query.api.PageRequest;
import com.cti.query.api.Rows;
import com.cti.query.api.SqlFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-side SQL over {@code messages}, scoped to one app, paged by keyset.
 */
@Component
public class MessageQueries {

	static final String CURSOR_KIND = "m";

	private static final String COLUMNS = """
			m.message_id, m.direction, m.from_number, m.to_numbers, m.text, m.mms, m.mms_url, m.is_internal,
			m.sender_id, m.contact_id, m.contact_name, m.contact_phone, m.target_id, m.target_type, m.target_name,
			m.target_phone, m.status, m.delivery_result, m.created_at, m.event_timestamp, m.updated_at, m.sort_at""";

	private final JdbcClient jdbc;

	MessageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit + 1} messages of the app, newest first. */
	List<Row> list(UUID appId, MessageListRequest filter, PageRequest page) {
		SqlFilter sql = new SqlFilter();
		if (filter.from() != null) {
			sql.add("m.sort_at >= :from", "from", SqlFilter.utc(filter.from()));
		}
		if (filter.to() != null) {
			sql.add("m.sort_at < :to", "to", SqlFilter.utc(filter.to()));
		}
		if (filter.direction() != null) {
			sql.add("m.direction = :direction", "direction", filter.direction().value());
		}
		if (filter.status() != null) {
			sql.add("m.status = any(:statuses)", "statuses", SqlFilter.words(filter.status()));
		}
		if (page.after() != null) {
			sql.after("m.sort_at", "m.message_id", page.after());
		}
		String where = "m.app_id = :appId" + (sql.where().isEmpty() ? "" : "\n  and " + sql.where());
		String query;
		if (filter.number() == null) {
			query = branch(where);
		}
		else {
			query = "select * from ((" + branch(where + " and m.from_number = :number") + ")\nunion all\n("
					+ branch(where + " and m.to_numbers @> array[cast(:number as text)]"
							+ " and m.from_number is distinct from :number")
					+ ")) u\norder by sort_at desc, message_id desc limit :limit";
			sql.bind("number", filter.number().e164());
		}
		return this.jdbc.sql(query)
			.params(sql.params())
			.param("appId", appId)
			.param("limit", page.limit() + 1)
			.query((rs, rowNum) -> new Row(map(rs), Rows.sortAt(rs)))
			.list();
	}

	private static String branch(String where) {
		return "select " + COLUMNS + " from messages m where " + where
				+ "\norder by m.sort_at desc, m.message_id desc limit :limit";
	}

	Optional<MessageView> find(UUID appId, long messageId) {
		return this.jdbc.sql("select " + COLUMNS + " from messages m where m.app_id = :appId and m.message_id = :id")
			.param("appId", appId)
			.param("id", messageId)
			.query((rs, rowNum) -> map(rs))
			.optional();
	}

	/** The app's messages with the given ids (those it has), for rendering changes. */
	public List<MessageView> findAll(UUID appId, Collection<Long> messageIds) {
		return this.jdbc
			.sql("select " + COLUMNS + " from messages m where m.app_id = :appId and m.message_id = any(:ids)")
			.param("appId", appId)
			.param("ids", messageIds.toArray(Long[]::new))
			.query((rs, rowNum) -> map(rs))
			.list();
	}

	private static MessageView map(ResultSet rs) throws SQLException {
		Instant created = Rows.instant(rs, "created_at");
		Instant updated = Rows.instant(rs, "updated_at");
		return new MessageView(rs.getLong("message_id"), rs.getString("direction"), rs.getString("from_number"),
				numbers(rs.getArray("to_numbers")), rs.getString("text"), Rows.booleanOrNull(rs, "mms"),
				rs.getString("mms_url"), Rows.booleanOrNull(rs, "is_internal"), Rows.longOrNull(rs, "sender_id"),
				new MessageView.Party(Rows.longOrNull(rs, "contact_id"), rs.getString("contact_name"), null,
						rs.getString("contact_phone")),
				new MessageView.Party(Rows.longOrNull(rs, "target_id"), rs.getString("target_name"),
						rs.getString("target_type"), rs.getString("target_phone")),
				rs.getString("status"), rs.getString("delivery_result"), created, Rows.millis(created),
				rs.getLong("event_timestamp"), updated, updated.toEpochMilli());
	}

	private static String[] numbers(@Nullable Array array) throws SQLException {
		return (array != null) ? (String[]) array.getArray() : new String[0];
	}

	/** A message with the position it sorts at. */
	record Row(MessageView message, OffsetDateTime sortAt) {

		Cursor cursor() {
			return new Cursor(CURSOR_KIND, this.sortAt, this.message.messageId());
		}

	}

}
