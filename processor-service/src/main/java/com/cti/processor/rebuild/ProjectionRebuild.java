package com.cti.processor.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.model.EventKind;
import com.cti.processor.changes.ChangeEventRepository;
import com.cti.processor.events.Projections;
import com.cti.processor.events.Projections.ProjectableEvent;
import com.cti.processor.merge.CanonicalJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.log.LogAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes {@code calls}, {@code messages} and {@code voicemails} from
 * {@code webhook_events}, in one transaction: readers see the old rows until it commits,
 * and every processor instance waits for it (the tables are locked against writes). Rows
 * that come out different from before (new, changed or gone) are written to the change
 * feed. Since each projection is a function of its set of events, a rebuild of consistent
 * tables gives the same tables. Apps whose data is purged (or being purged) are skipped:
 * their events do not come back, and no change is recorded for them.
 */
@Service
public class ProjectionRebuild {

	private static final LogAccessor logger = new LogAccessor(ProjectionRebuild.class);

	private static final int CHUNK = 2000;

	private static final String DIGESTS = """
			select app_id, 'call' as type, call_id as resource_id,
			       md5((to_jsonb(c) - 'created_at' - 'updated_at')::text) as digest from calls c
			union all
			select app_id, 'message', message_id, md5((to_jsonb(m) - 'updated_at')::text) from messages m
			union all
			select app_id, 'voicemail', call_id, md5((to_jsonb(v) - 'updated_at')::text) from voicemails v
			""";

	private final JdbcClient jdbc;

	private final Projections projections;

	private final ChangeEventRepository changeEvents;

	private final JsonMapper jsonMapper;

	ProjectionRebuild(JdbcClient jdbc, Projections projections, ChangeEventRepository changeEvents,
			JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.projections = projections;
		this.changeEvents = changeEvents;
		this.jsonMapper = jsonMapper;
	}

	@Transactional
	public RebuildReport rebuild() {
		long start = System.nanoTime();
		this.jdbc.sql("lock table calls, messages, voicemails in exclusive mode").update();
		this.jdbc.sql("create temporary table rebuild_before on commit drop as " + DIGESTS).update();
		this.jdbc.sql("delete from voicemails").update();
		this.jdbc.sql("delete from calls").update();
		this.jdbc.sql("delete from messages").update();
		long applied = 0;
		UUID after = new UUID(0, 0);
		List<StoredRow> chunk;
		do {
			chunk = chunkAfter(after);
			List<ProjectableEvent> events = new ArrayList<>(chunk.size());
			for (StoredRow row : chunk) {
				ProjectableEvent event = projectable(row);
				if (event != null) {
					events.add(event);
				}
				after = row.id();
			}
			this.projections.project(events);
			applied += events.size();
		}
		while (chunk.size() == CHUNK);
		this.jdbc.sql("""
				update webhook_events set processed = true, processed_at = now()
				where app_id is not null and processing_error is null and not processed
				""").update();
		long changes = recordChanges();
		var report = new RebuildReport(applied, count("calls"), count("messages"), count("voicemails"), changes,
				(System.nanoTime() - start) / 1_000_000);
		logger.info(() -> "Rebuilt the projections: " + report);
		return report;
	}

	private List<StoredRow> chunkAfter(UUID after) {
		return this.jdbc.sql("""
				select id, app_id, kind, resource_id, payload from webhook_events
				where id > :after and app_id is not null and processing_error is null
				  and kind in ('call', 'sms') and resource_id is not null
				  and not exists (select 1 from apps a where a.id = webhook_events.app_id
				                  and a.purge_requested_at is not null)
				order by id
				limit :limit
				""")
			.param("after", after)
			.param("limit", CHUNK)
			.query((rs, rowNum) -> new StoredRow(rs.getObject("id", UUID.class), rs.getObject("app_id", UUID.class),
					rs.getString("kind"), rs.getLong("resource_id"), rs.getString("payload")))
			.list();
	}

	private @Nullable ProjectableEvent projectable(StoredRow row) {
		EventKind kind = "call".equals(row.kind()) ? EventKind.CALL : EventKind.SMS;
		try {
			JsonNode payload = this.jsonMapper.readTree(row.payload());
			if (payload == null || !payload.isObject()) {
				return null;
			}
			return new ProjectableEvent(row.appId(), kind, row.resourceId(), payload,
					CanonicalJson.storable(row.payload(), payload));
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** Writes a change for every row that is new, different or gone, and notifies. */
	private long recordChanges() {
		List<UUID> apps = this.jdbc.sql("""
				with after as (%s),
				changed as (
				    select coalesce(a.app_id, b.app_id) as app_id, coalesce(a.type, b.type) as type,
				           coalesce(a.resource_id, b.resource_id) as resource_id
				    from after a full join rebuild_before b
				      on a.app_id = b.app_id and a.type = b.type and a.resource_id = b.resource_id
				    where a.digest is distinct from b.digest)
				insert into change_events (app_id, type, resource_id)
				select app_id, type, resource_id from changed c
				where not exists (select 1 from apps a where a.id = c.app_id and a.purge_requested_at is not null)
				order by app_id, type, resource_id
				returning app_id
				""".formatted(DIGESTS)).query(UUID.class).list();
		apps.stream().distinct().forEach(this.changeEvents::notifyApp);
		return apps.size();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private record StoredRow(UUID id, UUID appId, String kind, long resourceId, String payload) {
	}

}
