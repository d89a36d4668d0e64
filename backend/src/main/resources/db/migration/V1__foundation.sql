-- Areas: 市 → 区 → 日常生活圏域 → 校(地)区 → 町内自治会. Codes are stable and unique; names are not.
create table area (
    id          bigserial primary key,
    code        varchar(64)  not null unique,
    name        varchar(200) not null,
    kana        varchar(200) not null,
    kind        varchar(20)  not null check (kind in ('CITY', 'WARD', 'LIVING_AREA', 'SCHOOL_DISTRICT', 'NEIGHBOURHOOD')),
    parent_id   bigint references area (id),
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    check (parent_id is null or parent_id <> id),
    check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$')
);
create index area_parent_idx on area (parent_id);
create index area_kind_idx on area (kind);
create index area_name_idx on area (name);

-- Accounts for staff; passwords are bcrypt hashes.
create table account (
    id            bigserial primary key,
    username      varchar(64)  not null unique,
    display_name  varchar(200) not null,
    password_hash varchar(100) not null,
    active        boolean      not null default true,
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now()
);
create table account_role (
    account_id bigint      not null references account (id) on delete cascade,
    role       varchar(20) not null check (role in ('ADMIN', 'PLANNER', 'APPROVER', 'COORDINATOR', 'VIEWER')),
    primary key (account_id, role)
);
-- The school districts a coordinator works in.
create table account_district (
    account_id bigint not null references account (id) on delete cascade,
    area_id    bigint not null references area (id),
    primary key (account_id, area_id)
);

-- Failed logins per user name (known or not, so that the answer never tells which names exist).
create table login_throttle (
    username     varchar(200) primary key,
    failures     integer     not null default 0,
    locked_until timestamptz,
    updated_at   timestamptz not null default now()
);

-- Tokens for systems and scripts; only the SHA-256 of the secret is kept.
create table api_token (
    id           bigserial primary key,
    name         varchar(200) not null,
    token_hash   varchar(64)    not null unique,
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create table api_token_scope (
    token_id bigint      not null references api_token (id) on delete cascade,
    scope    varchar(64) not null,
    primary key (token_id, scope)
);

-- 相談先一覧: a window, its contact lines (phone/FAX), and the areas each line serves.
create table consultation_window (
    id          bigserial primary key,
    name        varchar(200) not null,
    category    varchar(30)  not null check (category in ('ELDERLY', 'DISABILITY', 'CHILD', 'LIVING_HARDSHIP')),
    address     varchar(400),
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    unique (category, name)
);
create table window_contact (
    id        bigserial primary key,
    window_id bigint      not null references consultation_window (id) on delete cascade,
    position  integer     not null,
    phone     varchar(40) not null,
    fax       varchar(40),
    unique (window_id, position)
);
create table window_contact_area (
    contact_id bigint not null references window_contact (id) on delete cascade,
    area_id    bigint not null references area (id),
    primary key (contact_id, area_id)
);
create index window_contact_area_area_idx on window_contact_area (area_id);
