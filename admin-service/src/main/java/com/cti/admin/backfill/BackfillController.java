package com.cti.admin.backfill;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/apps/{app_id}/backfill?from=&to=}: recovers an app's calls whose
 * webhooks were lost.
 */
@RestController
class BackfillController {

	private final CallBackfill backfill;

	private final Clock clock;

	BackfillController(CallBackfill backfill, Clock clock) {
		this.backfill = backfill;
		this.clock = clock;
	}

	@PostMapping("/internal/apps/{appId}/backfill")
	CallBackfill.BackfillResult backfill(@PathVariable UUID appId,
			@RequestParam(name = "from", required = false) @Nullable String from,
			@RequestParam(name = "to", required = false) @Nullable String to,
			@RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
		return this.backfill.backfill(appId, BackfillRange.parse(from, to, this.clock.instant()), dryRun);
	}

}
