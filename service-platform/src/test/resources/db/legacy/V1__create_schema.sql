-- The whole CTI schema. Every service that uses the database runs these migrations at start-up (Flyway takes a
-- lock), so a fresh database gets the whole schema whichever service starts first. Each table names its owning
-- service: only that service writes it; the others read it.

-- owner: admin-service. A client app (a CRM, a helpdesk, a wallboard) and the tenant boundary of all data.
create table apps (
    id          uuid primary key,
    name        text        not null check (length(name) between 1 and 200),
    enabled     boolean     not null default true,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    disabled_at timestamptz
);

-- owner: admin-service. API keys, stored as SHA-256 of the key only; the prefix is what a human recognises.
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

-- owner: admin-service. Every key operation: issued, rotated, revoked.
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

-- owner: query-service. When each key was last used (kept apart so the query service writes only its own table).
create table api_key_usage (
    key_id       uuid primary key references api_keys (id),
    last_used_at timestamptz not null
);

-- owner: admin-service. The Dialpad webhooks (delivery endpoints) created for apps through Dialpad's API.
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
    deleted_at                 timestamptz
);
create unique index dialpad_webhooks_app_live_idx on dialpad_webhooks (app_id) where deleted_at is null;

-- owner: admin-service. Call, SMS and other event subscriptions that point Dialpad at a webhook.
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

-- owner: admin-service. OAuth tokens of apps that connected a Dialpad company (encrypted at rest).
create table dialpad_oauth_tokens (
    app_id                  uuid primary key references apps (id),
    access_token_encrypted  bytea       not null,
    refresh_token_encrypted bytea,
    scope                   text,
    expires_at              timestamptz,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now()
);

-- owner: admin-service. Dialpad user id to the client's own user id.
create table user_mappings (
    app_id          uuid        not null references apps (id),
    dialpad_user_id bigint      not null,
    client_user_id  text        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (app_id, dialpad_user_id)
);
create index user_mappings_client_idx on user_mappings (app_id, client_user_id);

-- owner: processor-service. The raw event log: every event as received, once per (app, content hash).
-- app_id is null while an event is unattributed (parked until an admin assigns it).
create table webhook_events (
    id               uuid primary key,
    app_id           uuid references apps (id),
    claimed_app_id   text,
    kind             text        not null,
    resource_id      bigint,
    state            text,
    event_timestamp  bigint,
    content_hash     text        not null,
    payload          text        not null,
    schema_version   integer     not null,
    received_at      timestamptz not null,
    processed        boolean     not null default false,
    processed_at     timestamptz,
    processing_error text,
    unique nulls not distinct (app_id, content_hash)
);
create index webhook_events_resource_idx on webhook_events (app_id, kind, resource_id);
create index webhook_events_received_idx on webhook_events (app_id, received_at desc);
create index webhook_events_unattributed_idx on webhook_events (received_at) where app_id is null;
create index webhook_events_failed_idx on webhook_events (received_at) where processing_error is not null;

-- owner: processor-service. One row per Dialpad call leg.
create table calls (
    app_id                 uuid        not null references apps (id),
    call_id                bigint      not null,
    conversation_id        bigint      not null,
    master_call_id         bigint,
    entry_point_call_id    bigint,
    operator_call_id       bigint,
    direction              text,
    state                  text,
    external_number        text,
    internal_number        text,
    selected_caller_id     text,
    group_id               text,
    contact_id             bigint,
    contact_name           text,
    contact_type           text,
    contact_phone          text,
    contact_email          text,
    target_id              bigint,
    target_name            text,
    target_type            text,
    target_phone           text,
    target_email           text,
    target_office_id       bigint,
    dialpad_user_id        bigint,
    client_user_id         text,
    started_at             timestamptz,
    rang_at                timestamptz,
    first_rang_at          timestamptz,
    queued_at              timestamptz,
    connected_at           timestamptz,
    ended_at               timestamptz,
    duration_ms            bigint,
    total_duration_ms      bigint,
    talk_time_ms           bigint,
    hold_time_ms           bigint,
    states_seen            text[]      not null default '{}',
    is_active              boolean     not null default false,
    answered               boolean     not null default false,
    missed                 boolean     not null default false,
    has_voicemail          boolean     not null default false,
    transferred            boolean     not null default false,
    recorded               boolean     not null default false,
    is_internal            boolean,
    recording_details      jsonb,
    voicemail_link         text,
    voicemail_recording_id bigint,
    transcription_text     text,
    recap_summary          text,
    recap_outcome          text,
    recap_action_items     jsonb,
    recap_purposes         jsonb,
    labels                 jsonb,
    mos_score              double precision,
    csat_score             double precision,
    event_timestamp        bigint      not null,
    field_timestamps       jsonb       not null default '{}',
    raw_payload            jsonb       not null,
    -- the time a client sorts and pages by: when the call started, or its latest event while that is unknown
    sort_at                timestamptz generated always as (coalesce(started_at, to_timestamp(event_timestamp / 1000.0))) stored,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    primary key (app_id, call_id)
);
create index calls_sort_idx on calls (app_id, sort_at desc, call_id desc);
create index calls_conversation_idx on calls (app_id, conversation_id);
create index calls_master_idx on calls (app_id, master_call_id) where master_call_id is not null;
create index calls_entry_point_idx on calls (app_id, entry_point_call_id) where entry_point_call_id is not null;
create index calls_operator_idx on calls (app_id, operator_call_id) where operator_call_id is not null;
create index calls_active_idx on calls (app_id, sort_at desc) where is_active;
create index calls_external_number_idx on calls (app_id, external_number, sort_at desc);
create index calls_internal_number_idx on calls (app_id, internal_number, sort_at desc);
create index calls_target_idx on calls (app_id, target_id, sort_at desc);

-- owner: processor-service. SMS and MMS, with the latest delivery status.
create table messages (
    app_id           uuid        not null references apps (id),
    message_id       bigint      not null,
    direction        text,
    from_number      text,
    to_numbers       text[]      not null default '{}',
    text             text,
    mms              boolean,
    mms_url          text,
    is_internal      boolean,
    sender_id        bigint,
    target_id        bigint,
    target_type      text,
    target_name      text,
    target_phone     text,
    contact_id       bigint,
    contact_name     text,
    contact_phone    text,
    status           text,
    delivery_result  text,
    created_at       timestamptz,
    event_timestamp  bigint      not null,
    field_timestamps jsonb       not null default '{}',
    raw_payload      jsonb       not null,
    sort_at          timestamptz generated always as (coalesce(created_at, to_timestamp(event_timestamp / 1000.0))) stored,
    updated_at       timestamptz not null default now(),
    primary key (app_id, message_id)
);
create index messages_sort_idx on messages (app_id, sort_at desc, message_id desc);
create index messages_from_idx on messages (app_id, from_number, sort_at desc);

-- owner: processor-service. Voicemails, one per call leg that recorded one.
create table voicemails (
    app_id             uuid        not null references apps (id),
    call_id            bigint      not null,
    recording_id       bigint,
    caller_number      text,
    contact_id         bigint,
    contact_name       text,
    target_id          bigint,
    target_type        text,
    target_name        text,
    dialpad_user_id    bigint,
    link               text,
    duration_ms        bigint,
    transcription_text text,
    created_at         timestamptz,
    event_timestamp    bigint      not null,
    field_timestamps   jsonb       not null default '{}',
    sort_at            timestamptz generated always as (coalesce(created_at, to_timestamp(event_timestamp / 1000.0))) stored,
    updated_at         timestamptz not null default now(),
    primary key (app_id, call_id)
);
create index voicemails_sort_idx on voicemails (app_id, sort_at desc, call_id desc);

-- owner: processor-service. Every change to a call, message or voicemail, in commit order per app: the feed of
-- GET /api/stream (the id is the SSE event id that a client resumes from).
create table change_events (
    id          bigint generated always as identity primary key,
    app_id      uuid        not null references apps (id),
    type        text        not null,
    resource_id bigint      not null,
    occurred_at timestamptz not null default now()
);
create index change_events_app_idx on change_events (app_id, id);
