-- owner: query-service. Indexes for the client API's reads (GET /api/...); no table changes.
--
-- Every list is newest first and paged by keyset: "where app_id = ? [and <filter column> = ?]
-- and (sort_at, id) < (cursor) order by sort_at desc, id desc limit n". An index on
-- (app_id, [filter column,] sort_at desc, id desc) serves that as one ordered index range scan that stops after n
-- rows, so page 1,000 costs what page 1 costs. The id column must be in the index: without it the scan cannot
-- start at the cursor's exact position and ties on sort_at need a sort. calls_sort_idx of V1 already has this
-- shape for the unfiltered list (the benchmarked query).
--
-- Covering indexes (INCLUDE of the returned columns) do not pay here: a call row is returned with ~50 columns, so an
-- index-only scan is impossible, and the heap fetch of at most 501 rows by TID is cheap next to doubling the index
-- size on a 10-million-row table.
--
-- The V1 indexes that these replace (same leading columns without the id, or a prefix of a new index) are dropped so
-- that the processor's writes do not pay for two indexes per filter; the processor's own reads (by primary key and
-- by conversation/master/entry-point/operator links) are served as before.

-- number filter: two ordered branches (external number, internal number) merged by the query
create index calls_external_number_page_idx on calls (app_id, external_number, sort_at desc, call_id desc);
create index calls_internal_number_page_idx on calls (app_id, internal_number, sort_at desc, call_id desc);
drop index calls_external_number_idx;
drop index calls_internal_number_idx;

-- target_id filter
create index calls_target_page_idx on calls (app_id, target_id, sort_at desc, call_id desc);
drop index calls_target_idx;

-- user_id filter (the client's user id is resolved to its Dialpad user id(s) by a query of its own first, so that the
-- usual single user is one ordered range of this index rather than a join the planner may run backwards)
create index calls_user_page_idx on calls (app_id, dialpad_user_id, sort_at desc, call_id desc)
    where dialpad_user_id is not null;

-- GET /api/calls/active: only the live legs are in it, so it stays tiny whatever the table's size
create index calls_active_page_idx on calls (app_id, sort_at desc, call_id desc) where is_active;
drop index calls_active_idx;

-- conversations: the legs of a conversation in order; finds a conversation's first leg (the list skips every other
-- leg with one probe of this index) and serves the processor's "conversation_id = any(...)" lookups as the V1
-- (app_id, conversation_id) index did
create index calls_conversation_order_idx on calls (app_id, conversation_id, sort_at, call_id);
drop index calls_conversation_idx;

-- messages: number filter (sender: ordered branch; recipients: a GIN lookup in the to_numbers array)
create index messages_from_page_idx on messages (app_id, from_number, sort_at desc, message_id desc);
drop index messages_from_idx;
create index messages_to_numbers_idx on messages using gin (to_numbers);

-- voicemails: number, target and user filters
create index voicemails_caller_page_idx on voicemails (app_id, caller_number, sort_at desc, call_id desc);
create index voicemails_target_page_idx on voicemails (app_id, target_id, sort_at desc, call_id desc);
create index voicemails_user_page_idx on voicemails (app_id, dialpad_user_id, sort_at desc, call_id desc)
    where dialpad_user_id is not null;
