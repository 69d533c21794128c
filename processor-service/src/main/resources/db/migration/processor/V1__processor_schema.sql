-- The processor service's tables: the raw event log and the projections built from it (calls, messages, voicemails,
-- the change feed), and purge completion. Only the processor writes them; the query service and the admin service read
-- them. app_id names an app of the admin service's apps table, with no foreign key: each owner migrates on its own, and
-- no constraint crosses an owner. This is the whole schema of a fresh database; a database that the shared scripts of
-- before (flyway_schema_history, V1..V7) migrated already has these tables and is baselined at this version
-- (OwnedSchemaMigration), then V2 brings it to the same shape.

-- The raw event log: every event as received, once per (app, content hash). app_id is null while an event is
-- unattributed (parked until an admin assigns it). An unattributed (or failed) event that was re-published, assigned
-- to an app or replayed, is resolved once the processor has applied the re-published copy: resolved_by is the
-- webhook_events row that holds the applied copy, resolved_at when that happened (processed is set too). A row still
-- needs attention when resolved_at is null and either app_id is null (parked) or processing_error is set (poison).
create table webhook_events (
    id               uuid primary key,
    app_id           uuid,
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
    resolved_by      uuid references webhook_events (id),
    resolved_at      timestamptz,
    unique nulls not distinct (app_id, content_hash)
);
create index webhook_events_resource_idx on webhook_events (app_id, kind, resource_id);
create index webhook_events_received_idx on webhook_events (app_id, received_at desc);
create index webhook_events_unattributed_idx on webhook_events (received_at) where app_id is null;
create index webhook_events_failed_idx on webhook_events (received_at) where processing_error is not null;

-- One row per Dialpad call leg. voicemail_started_at: when the caller started leaving a voicemail on the leg (the
-- first voicemail / voicemail_uploaded event), kept so that voicemails.created_at comes out the same whatever order
-- the events arrive in.
create table calls (
    app_id                 uuid        not null,
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
    voicemail_started_at   timestamptz,
    primary key (app_id, call_id)
);

-- SMS and MMS, with the latest delivery status.
create table messages (
    app_id           uuid        not null,
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

-- Voicemails, one per call leg that recorded one.
create table voicemails (
    app_id             uuid        not null,
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

-- Every change to a call, message or voicemail, in commit order per app: the feed of GET /api/stream (the id is the
-- SSE event id that a client resumes from).
create table change_events (
    id          bigint generated always as identity primary key,
    app_id      uuid        not null,
    type        text        not null,
    resource_id bigint      not null,
    occurred_at timestamptz not null default now(),
    constraint change_events_type_check check (type in ('call', 'message', 'voicemail'))
);
create index change_events_app_idx on change_events (app_id, id);

-- Purge completion: when the processor deleted an app's rows from every table above (in the same transaction), and
-- who asked for it. The request itself is the admin service's apps.purge_requested_at.
create table app_purges (
    app_id       uuid primary key,
    purged_at    timestamptz not null default now(),
    requested_by text
);

-- The indexes below serve the query service's reads of these tables (the client API, GET /api/...); the processor
-- owns the tables, so it owns their indexes too.
--
-- Every list is newest first and paged by keyset: "where app_id = ? [and <filter column> = ?]
-- and (sort_at, id) < (cursor) order by sort_at desc, id desc limit n". An index on
-- (app_id, [filter column,] sort_at desc, id desc) serves that as one ordered index range scan that stops after n
-- rows, so page 1,000 costs what page 1 costs. The id column must be in the index: without it the scan cannot
-- start at the cursor's exact position and ties on sort_at need a sort. calls_sort_idx has this shape for the
-- unfiltered list (the benchmarked query).
--
-- Covering indexes (INCLUDE of the returned columns) do not pay here: a call row is returned with ~50 columns, so an
-- index-only scan is impossible, and the heap fetch of at most 501 rows by TID is cheap next to doubling the index
-- size on a 10-million-row table. One index per filter, so that the processor's writes do not pay for two; the
-- processor's own reads (by primary key and by conversation/master/entry-point/operator links) are served too.
create index calls_sort_idx on calls (app_id, sort_at desc, call_id desc);
create index calls_master_idx on calls (app_id, master_call_id) where master_call_id is not null;
create index calls_entry_point_idx on calls (app_id, entry_point_call_id) where entry_point_call_id is not null;
create index calls_operator_idx on calls (app_id, operator_call_id) where operator_call_id is not null;

-- number filter: two ordered branches (external number, internal number) merged by the query
create index calls_external_number_page_idx on calls (app_id, external_number, sort_at desc, call_id desc);
create index calls_internal_number_page_idx on calls (app_id, internal_number, sort_at desc, call_id desc);

-- target_id filter
create index calls_target_page_idx on calls (app_id, target_id, sort_at desc, call_id desc);

-- user_id filter (the client's user id is resolved to its Dialpad user id(s) by a query of its own first, so that the
-- usual single user is one ordered range of this index rather than a join the planner may run backwards)
create index calls_user_page_idx on calls (app_id, dialpad_user_id, sort_at desc, call_id desc)
    where dialpad_user_id is not null;

-- GET /api/calls/active: only the live legs are in it, so it stays tiny whatever the table's size
create index calls_active_page_idx on calls (app_id, sort_at desc, call_id desc) where is_active;

-- conversations: the legs of a conversation in order; finds a conversation's first leg (the list skips every other
-- leg with one probe of this index) and serves the processor's "conversation_id = any(...)" lookups
create index calls_conversation_order_idx on calls (app_id, conversation_id, sort_at, call_id);

-- messages: newest first, and the number filter (sender: ordered branch; recipients: a GIN lookup in the to_numbers
-- array)
create index messages_sort_idx on messages (app_id, sort_at desc, message_id desc);
create index messages_from_page_idx on messages (app_id, from_number, sort_at desc, message_id desc);
create index messages_to_numbers_idx on messages using gin (to_numbers);

-- voicemails: newest first, and the number, target and user filters
create index voicemails_sort_idx on voicemails (app_id, sort_at desc, call_id desc);
create index voicemails_caller_page_idx on voicemails (app_id, caller_number, sort_at desc, call_id desc);
create index voicemails_target_page_idx on voicemails (app_id, target_id, sort_at desc, call_id desc);
create index voicemails_user_page_idx on voicemails (app_id, dialpad_user_id, sort_at desc, call_id desc)
    where dialpad_user_id is not null;
