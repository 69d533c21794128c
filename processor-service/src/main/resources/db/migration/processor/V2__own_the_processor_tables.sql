-- What a database migrated by the shared scripts of before (flyway_schema_history, V1..V7) needs to match V1; a no-op on
-- a fresh database.

-- No foreign key crosses an owner: the processor's tables no longer reference the admin service's apps.
alter table webhook_events drop constraint if exists webhook_events_app_id_fkey;
alter table calls drop constraint if exists calls_app_id_fkey;
alter table messages drop constraint if exists messages_app_id_fkey;
alter table voicemails drop constraint if exists voicemails_app_id_fkey;
alter table change_events drop constraint if exists change_events_app_id_fkey;

-- Purge completion moves from apps.purged_at (which the processor wrote) to the processor's own table. The old column
-- stays on apps, unused: the admin service owns that table.
create table if not exists app_purges (
    app_id       uuid primary key,
    purged_at    timestamptz not null default now(),
    requested_by text
);
do $$
begin
    if exists (select 1 from information_schema.columns
               where table_schema = current_schema() and table_name = 'apps' and column_name = 'purged_at') then
        execute 'insert into app_purges (app_id, purged_at) select id, purged_at from apps where purged_at is not null '
             || 'on conflict (app_id) do nothing';
    end if;
end
$$;
