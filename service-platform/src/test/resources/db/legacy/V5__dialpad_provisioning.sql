-- Dialpad provisioning by the admin service (issue 6, part B). All tables here are owned by admin-service.

-- Where an app's webhook secret came from: generated for it, the global DIALPAD_WEBHOOK_SECRET, or none (unsigned).
alter table dialpad_webhooks
    add column secret_source text not null default 'generated'
        check (secret_source in ('generated', 'global', 'none'));

-- owner: admin-service. OAuth authorizations started and not yet come back: the state is stored only as its
-- SHA-256 (it is a one-time credential until the callback uses it), the PKCE verifier encrypted.
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

-- When the tokens were last refreshed, and the token type Dialpad gave.
alter table dialpad_oauth_tokens
    add column token_type   text,
    add column refreshed_at timestamptz;
