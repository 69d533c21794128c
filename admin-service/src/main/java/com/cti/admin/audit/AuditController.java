package com.cti.admin.audit;

import java.util.List;
import java.util.UUID;

import com.cti.admin.audit.AuditQueries.AuditFilter;
import com.cti.admin.paging.PageLimit;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/audit}: the audit log, newest first, filtered by app, key or
 * action, paged by keyset ({@code cursor} = {@code next_cursor} of the previous page).
 */
@RestController
class AuditController {

	private final AuditQueries queries;

	AuditController(AuditQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/internal/audit")
	AuditPage audit(@RequestParam(name = "app_id", required = false) @Nullable UUID appId,
			@RequestParam(name = "key_id", required = false) @Nullable UUID keyId,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @PageLimit int limit) {
		List<AuditEntry> rows = this.queries.entries(new AuditFilter(appId, keyId, action), beforeId(cursor),
				limit + 1);
		if (rows.size() <= limit) {
			return new AuditPage(rows, null);
		}
		List<AuditEntry> items = List.copyOf(rows.subList(0, limit));
		return new AuditPage(items, Long.toString(items.get(limit - 1).id()));
	}

	private static @Nullable Long beforeId(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(cursor.strip());
		}
		catch (NumberFormatException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The cursor is not valid; pass next_cursor from the previous page");
			problem.setType(java.net.URI.create("urn:cti:admin:invalid-cursor"));
			problem.setTitle("Invalid cursor");
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, ex);
		}
	}

	/** A page of the audit log. */
	record AuditPage(List<AuditEntry> items, @Nullable String nextCursor) {
	}

}
