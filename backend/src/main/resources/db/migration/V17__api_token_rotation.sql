-- Rotating an API token: a new secret, while the previous one keeps working until a moment the administrator chose
-- (the grace period), so the systems that hold it can switch without an outage.
alter table api_token add column previous_hash varchar(64);
alter table api_token add column previous_valid_until timestamptz;
alter table api_token add column rotated_at timestamptz;
create unique index api_token_previous_hash_idx on api_token (previous_hash) where previous_hash is not null;
