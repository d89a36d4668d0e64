-- Going live in a city that is not in the demo: the first administrator, staff accounts made by administrators
-- (or on first sign-in at the city's provider), expiring system tokens, retired areas and supporter groups.

-- Single-use codes that create the first administrator; the API writes one at start while none exists.
-- Only the SHA-256 is kept; every code is void once an administrator exists.
create table setup_code (
    code_hash  varchar(64) primary key,
    created_at timestamptz not null default now()
);

alter table account alter column password_hash drop not null;
alter table account add column external boolean not null default false;
alter table account add column must_change_password boolean not null default false;
alter table account add column last_sign_in_at timestamptz;
alter table account add column updated_at timestamptz not null default now();
-- A provider's account has no password of ours; every other one has.
alter table account add constraint account_password_or_external check (external or password_hash is not null);

alter table api_token add column expires_at timestamptz;
update api_token set expires_at = created_at + interval '1 year';
alter table api_token alter column expires_at set not null;

-- Retired: kept for the records that name it, offered for nothing new.
alter table area add column retired_at timestamptz;

alter table supporter_group add column active boolean not null default true;
alter table supporter_group add column version bigint not null default 0;
create unique index supporter_group_area_name on supporter_group (area_id, name);
