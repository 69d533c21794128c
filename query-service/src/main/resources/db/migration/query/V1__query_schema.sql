-- The query service's one table: when each API key was last used, kept apart so that the query service writes only
-- its own table. key_id names a key of the admin service's api_keys, with no foreign key: no constraint crosses an
-- owner. The query service reads the admin's and the processor's tables as a read model. A database that the shared
-- scripts of before (flyway_schema_history, V1..V7) migrated already has this table and is baselined at this version
-- (OwnedSchemaMigration).
create table api_key_usage (
    key_id       uuid primary key,
    last_used_at timestamptz not null
);
