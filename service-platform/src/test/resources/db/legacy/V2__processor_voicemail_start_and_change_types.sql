-- owner: processor-service.

-- When the caller started leaving a voicemail on a leg (the first voicemail / voicemail_uploaded event): kept so that
-- voicemails.created_at comes out the same whatever order the events arrive in.
alter table calls add column voicemail_started_at timestamptz;

-- The resource types of the change feed.
alter table change_events add constraint change_events_type_check check (type in ('call', 'message', 'voicemail'));
