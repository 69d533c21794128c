package com.cti.query.calls;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import com.cti.query.apikeys.CallerApp;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller app's call legs.
 */
@RestController
@Validated
class CallController {

	private final CallQueries queries;

	CallController(CallQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/calls")
	Page<CallView> list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
			@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request) {
		CallCursor after = (cursor != null && !cursor.isBlank()) ? CallCursor.decode(cursor) : null;
		List<CallQueries.Row> rows = this.queries.list(CallerApp.from(request), limit, after);
		String next = null;
		if (rows.size() == limit) {
			CallQueries.Row last = rows.get(rows.size() - 1);
			next = new CallCursor(last.sortAt(), last.call().callId()).encode();
		}
		return new Page<>(rows.stream().map(CallQueries.Row::call).toList(), next);
	}

	/** One page of results and the cursor of the next one (null on the last page). */
	record Page<T>(List<T> items, @Nullable String nextCursor) {
	}

}
