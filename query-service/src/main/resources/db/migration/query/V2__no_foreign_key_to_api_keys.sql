-- What a database migrated by the shared scripts of before needs to match V1 (a no-op on a fresh database): no foreign
-- key crosses an owner, and api_keys is the admin service's.
alter table api_key_usage drop constraint if exists api_key_usage_key_id_fkey;
