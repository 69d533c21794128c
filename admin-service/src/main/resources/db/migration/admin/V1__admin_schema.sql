-- The admin service's tables: apps, their API keys, the Dialpad set-up and the admin's own leases and outbox. Only the
-- admin service writes them (the processor and the query service read apps and api_keys). This is the whole schema of
-- a fresh database; a database that the shared scripts of before (flyway_schema_history, V1..V7) migrated already has
-- these tables and is baselined at this version (OwnedSchemaMigration). There it keeps the column apps.purged_at,
-- unused since purge completion moved to the processor's app_purges.

-- A client app (a CRM, a helpdesk, a wallboard) and the tenant boundary of all data. purge_requested_at: set when an
-- operator asks for the app's data to be purged (DELETE /internal/apps/{id}?purge=true); from then on the processor
-- drops every event of the app and its rebuild skips it.
create table apps (
    id                 uuid primary key,
    name               text        not null check (length(name) between 1 and 200),
    enabled            boolean     not null default true,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    disabled_at        timestamptz,
    purge_requested_at timestamptz
);

-- API keys, stored as SHA-256 of the key only; the prefix is what a human recognises.
create table api_keys (
    id         uuid primary key,
    app_id     uuid        not null references apps (id),
    prefix     text        not null,
    key_hash   bytea       not null unique,
    created_at timestamptz not null default now(),
    rotated_at timestamptz,           -- when a newer key replaced this one
    expires_at timestamptz,           -- end of the grace period after a rotation
    revoked_at timestamptz
);
create index api_keys_app_idx on api_keys (app_id);

-- Every key operation: issued, rotated, revoked.
create table api_key_audit (
    id             bigint generated always as identity primary key,
    app_id         uuid        not null references apps (id),
    key_id         uuid        references api_keys (id),
    action         text        not null,
    actor          text        not null,
    source_address text,
    details        jsonb       not null default '{}',
    occurred_at    timestamptz not null default now()
);
create index api_key_audit_app_idx on api_key_audit (app_id, occurred_at desc);

-- The Dialpad webhooks (delivery endpoints) created for apps through Dialpad's API. secret_source: where the
-- webhook's secret came from: generated for it, the global DIALPAD_WEBHOOK_SECRET, or none (unsigned).
create table dialpad_webhooks (
    id                         uuid primary key,
    app_id                     uuid        not null references apps (id),
    dialpad_webhook_id         bigint unique,
    hook_url                   text        not null,
    signed                     boolean     not null default true,
    secret_encrypted           bytea,
    previous_secret_encrypted  bytea,
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz not null default now(),
    updated_at                 timestamptz not null default now(),
    deleted_at                 timestamptz,
    secret_source              text        not null default 'generated'
        check (secret_source in ('generated', 'global', 'none'))
);
create unique index dialpad_webhooks_app_live_idx on dialpad_webhooks (app_id) where deleted_at is null;

-- Call, SMS and other event subscriptions that point Dialpad at a webhook.
create table dialpad_subscriptions (
    id                      uuid primary key,
    app_id                  uuid        not null references apps (id),
    webhook_id              uuid        not null references dialpad_webhooks (id),
    dialpad_subscription_id bigint,
    type                    text        not null check (type in ('call', 'sms', 'agent_status', 'contact', 'changelog')),
    settings                jsonb       not null default '{}',
    enabled                 boolean     not null default true,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    deleted_at              timestamptz,
    unique (type, dialpad_subscription_id)
);
create index dialpad_subscriptions_app_idx on dialpad_subscriptions (app_id);

-- OAuth tokens of apps that connected a Dialpad company (encrypted at rest), with when they were last refreshed and
-- the token type Dialpad gave.
create table dialpad_oauth_tokens (
    app_id                  uuid primary key references apps (id),
    access_token_encrypted  bytea       not null,
    refresh_token_encrypted bytea,
    scope                   text,
    expires_at              timestamptz,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    token_type              text,
    refreshed_at            timestamptz
);

-- OAuth authorizations started and not yet come back: the state is stored only as its SHA-256 (it is a one-time
-- credential until the callback uses it), the PKCE verifier encrypted.
create table dialpad_oauth_states (
    state_hash              text primary key,
    app_id                  uuid        not null references apps (id),
    code_verifier_encrypted bytea       not null,
    redirect_uri            text        not null,
    scope                   text        not null,
    expires_at              timestamptz not null,
    created_at              timestamptz not null default now()
);
create index dialpad_oauth_states_expiry_idx on dialpad_oauth_states (expires_at);

-- Dialpad user id to the client's own user id.
create table user_mappings (
    app_id          uuid        not null references apps (id),
    dialpad_user_id bigint      not null,
    client_user_id  text        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (app_id, dialpad_user_id)
);
create index user_mappings_client_idx on user_mappings (app_id, client_user_id);

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
