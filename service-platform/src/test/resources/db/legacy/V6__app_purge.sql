-- owner: admin-service (apps). Purging an app's data (DELETE /internal/apps/{id}?purge=true, issue 6).
--
-- purge_requested_at: set by the admin service when an operator asks for the app's data to be purged. From then on the
-- processor drops every event of the app (events still in flight must not bring data back) and its rebuild skips it.
-- purged_at: the one column of apps that the processor writes: when it deleted the app's rows from every table it owns
-- (webhook_events, calls, messages, voicemails, change_events), in the same transaction.
alter table apps
    add column purge_requested_at timestamptz,
    add column purged_at          timestamptz;
