-- owner: processor-service.

-- An unattributed (or failed) event that the admin service re-published, assigned to an app or replayed, is resolved
-- once the processor has applied the re-published copy: resolved_by is the webhook_events row that holds the applied
-- copy, resolved_at when that happened (processed is set too). A row still needs attention when resolved_at is null
-- and either app_id is null (parked) or processing_error is set (poison).
alter table webhook_events add column resolved_by uuid references webhook_events (id);
alter table webhook_events add column resolved_at timestamptz;
