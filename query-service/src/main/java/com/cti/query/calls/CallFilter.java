package com.cti.query.calls;

import java.util.List;

import com.cti.query.api.Parameters.TimeRange;
import com.cti.query.api.SqlFilter;
import org.jspecify.annotations.Nullable;

/**
 * The checked filters of a call list; every one that is set must match.
 */
record CallFilter(TimeRange time, @Nullable String direction, @Nullable List<String> states, @Nullable String number,
		@Nullable Long targetId, @Nullable String userId, @Nullable Boolean answered, @Nullable Boolean missed,
		@Nullable Boolean hasVoicemail, @Nullable Boolean hasRecording, boolean activeOnly) {

	/**
	 * The conditions on {@code calls c} except the number, which the query matches in two
	 * index-friendly branches.
	 * @param dialpadUserIds the Dialpad users that {@code user_id} maps to (resolved
	 * first, so that one user is one ordered index range)
	 */
	SqlFilter toSql(List<Long> dialpadUserIds) {
		SqlFilter sql = new SqlFilter();
		if (this.activeOnly) {
			sql.add("c.is_active");
		}
		if (this.time.from() != null) {
			sql.add("c.sort_at >= :from", "from", SqlFilter.utc(this.time.from()));
		}
		if (this.time.to() != null) {
			sql.add("c.sort_at < :to", "to", SqlFilter.utc(this.time.to()));
		}
		if (this.direction != null) {
			sql.add("c.direction = :direction", "direction", this.direction);
		}
		if (this.states != null) {
			sql.add("c.state = any(:states)", "states", this.states.toArray(String[]::new));
		}
		if (this.targetId != null) {
			sql.add("c.target_id = :targetId", "targetId", this.targetId);
		}
		if (this.userId != null && dialpadUserIds.size() == 1) {
			sql.add("c.dialpad_user_id = :dialpadUserId", "dialpadUserId", dialpadUserIds.get(0));
		}
		else if (this.userId != null) {
			sql.add("c.dialpad_user_id = any(:dialpadUserIds)", "dialpadUserIds", dialpadUserIds.toArray(Long[]::new));
		}
		flag(sql, "c.answered", "answered", this.answered);
		flag(sql, "c.missed", "missed", this.missed);
		flag(sql, "c.has_voicemail", "hasVoicemail", this.hasVoicemail);
		flag(sql, "c.recorded", "hasRecording", this.hasRecording);
		return sql;
	}

	private static void flag(SqlFilter sql, String column, String name, @Nullable Boolean value) {
		if (value != null) {
			sql.add(column + " = :" + name, name, value);
		}
	}

}
