-- Idempotency-Key on POSTs that create records without a natural key (recipients, supporters, support requests,
-- assignments, activity records): the first request's answer is kept for 24 hours per caller and key, and a repeat
-- with the same key and the same body gets that answer instead of a second record. The row is written in the
-- creating transaction, so it exists exactly when the record does; a concurrent repeat waits on the primary key.
create table idempotency_key (
    actor       text        not null,
    key         text        not null,
    fingerprint bytea       not null,
    body        text,
    created_at  timestamptz not null default now(),
    primary key (actor, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
