-- owner: admin-service. No database transaction of the admin service spans a remote call (issue 13).

-- Leases: a named claim held between short statements, never by an open transaction or a held connection. They
-- serialize the changes to one app's Dialpad set-up (name 'dialpad-setup:<app_id>'), the refresh of one app's OAuth
-- tokens ('oauth-refresh:<app_id>') and the delivery of one outbox entry ('outbox:<topic>:<key>'). A holder that dies
-- leaves its lease behind until expires_at; the token makes sure a holder releases only its own lease.
create table admin_leases (
    name       text primary key,
    token      uuid        not null,
    expires_at timestamptz not null
);

-- The transactional outbox: a message admin owes Kafka, written in the transaction of the change it announces and
-- deleted once Kafka acknowledged it (at least once). Keyed like the topic, so a key is owed at most once: what is sent
-- is read from the committed state when it is sent (an app's webhook secrets are never stored here); payload holds what
-- that state does not (the purge request's actor). revision changes with every new debt, so that a delivery that read
-- an older one does not clear a newer one.
create sequence admin_outbox_revision;
create table admin_outbox (
    topic       text        not null,
    message_key text        not null,
    payload     text,
    revision    bigint      not null default nextval('admin_outbox_revision'),
    owed_since  timestamptz not null default now(),
    primary key (topic, message_key)
);
create index admin_outbox_owed_since_idx on admin_outbox (owed_since);
