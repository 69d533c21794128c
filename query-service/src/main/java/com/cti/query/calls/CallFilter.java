package com.cti.query.calls;

import java.util.List;

import com.cti.query.api.Direction;
import com.cti.query.api.PhoneNumber;
import com.cti.query.api.SqlFilter;
import com.cti.query.api.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * The checked filters of a call list, from {@link #of(CallListRequest)} or
 * {@link #of(ActiveCallsRequest)}; every one that is set must match.
 */
record CallFilter(TimeRange time, @Nullable Direction direction, @Nullable String states, @Nullable PhoneNumber number,
		@Nullable Long targetId, @Nullable String userId, @Nullable Boolean answered, @Nullable Boolean missed,
		@Nullable Boolean hasVoicemail, @Nullable Boolean hasRecording, boolean activeOnly) {

	static CallFilter of(CallListRequest request) {
		return new CallFilter(new TimeRange(request.from(), request.to()), request.direction(), request.state(),
				request.number(), request.targetId(), request.userId(), request.answered(), request.missed(),
				request.hasVoicemail(), request.hasRecording(), false);
	}

	/** The live legs that match the request. */
	static CallFilter of(ActiveCallsRequest request) {
		return new CallFilter(new TimeRange(null, null), request.direction(), null, request.number(),
				request.targetId(), request.userId(), null, null, null, null, true);
	}

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
			sql.add("c.direction = :direction", "direction", this.direction.value());
		}
		if (this.states != null) {
			sql.add("c.state = any(:states)", "states", SqlFilter.words(this.states));
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
