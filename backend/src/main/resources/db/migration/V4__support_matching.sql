-- 地域生活支援: residents' everyday troubles matched with supporters of the same school district.
create table support_category (
    id               bigserial primary key,
    code             varchar(40)  not null unique,
    name             varchar(60)  not null unique,
    requires_vehicle boolean      not null default false,
    position         integer      not null default 0,
    active           boolean      not null default true
);

create table supporter_group (
    id       bigserial primary key,
    area_id  bigint       not null references area (id),
    name     varchar(100) not null,
    payment  varchar(10)  not null check (payment in ('PAID', 'UNPAID')),
    unique (area_id, name)
);

-- Capacity is kept by the database: open_assignments can never pass capacity, whichever replica writes.
create table supporter (
    id               bigserial primary key,
    name             varchar(100) not null,
    kana             varchar(100) not null,
    contact          varchar(200),
    area_id          bigint       not null references area (id),
    group_id         bigint references supporter_group (id),
    has_vehicle      boolean      not null default false,
    capacity         integer      not null default 2 check (capacity between 1 and 50),
    open_assignments integer      not null default 0 check (open_assignments >= 0),
    active           boolean      not null default true,
    version          bigint       not null default 0,
    created_at       timestamptz  not null default now(),
    check (open_assignments <= capacity)
);
create index supporter_area_idx on supporter (area_id);
create table supporter_category (
    supporter_id bigint not null references supporter (id) on delete cascade,
    category_id  bigint not null references support_category (id),
    primary key (supporter_id, category_id)
);
create index supporter_category_category_idx on supporter_category (category_id, supporter_id);
-- Weekly availability: ISO day of week (1 = Monday) and a time range.
create table supporter_availability (
    id           bigserial primary key,
    supporter_id bigint   not null references supporter (id) on delete cascade,
    day_of_week  smallint not null check (day_of_week between 1 and 7),
    start_time   time     not null,
    end_time     time     not null,
    check (end_time > start_time)
);
create index supporter_availability_idx on supporter_availability (supporter_id, day_of_week);

-- 要支援者: personal data, seen only by coordinators of the district and admins.
create table recipient (
    id              bigserial primary key,
    name            varchar(100) not null,
    kana            varchar(100) not null,
    area_id         bigint       not null references area (id),
    contact         varchar(200),
    household_notes text,
    referred_by     varchar(40)  not null check (referred_by in ('WELFARE_VOLUNTEER', 'COMMISSIONED_WELFARE_VOLUNTEER', 'CARE_MANAGER', 'SELF', 'FAMILY', 'OTHER')),
    consent         boolean      not null default false,
    version         bigint       not null default 0,
    created_at      timestamptz  not null default now()
);
create index recipient_area_idx on recipient (area_id);

create table support_request (
    id                 bigserial primary key,
    recipient_id       bigint       not null references recipient (id),
    category_id        bigint       not null references support_category (id),
    description        text,
    requested_date     date,
    weekly_day         smallint check (weekly_day between 1 and 7),
    start_time         time         not null,
    end_time           time         not null,
    payment            varchar(10)  not null check (payment in ('PAID', 'UNPAID', 'EITHER')),
    urgency            varchar(10)  not null default 'NORMAL' check (urgency in ('LOW', 'NORMAL', 'HIGH')),
    status             varchar(12)  not null default 'RECEIVED'
                       check (status in ('RECEIVED', 'MATCHING', 'ASSIGNED', 'ACTIVE', 'COMPLETED', 'CANCELLED', 'REFERRED')),
    referred_window_id bigint references consultation_window (id),
    received_on        date         not null default current_date,
    version            bigint       not null default 0,
    check (end_time > start_time),
    check ((requested_date is null) <> (weekly_day is null))
);
create index support_request_recipient_idx on support_request (recipient_id);
create index support_request_received_idx on support_request (received_on);

create table assignment (
    id           bigserial primary key,
    request_id   bigint      not null references support_request (id),
    supporter_id bigint      not null references supporter (id),
    status       varchar(10) not null default 'PROPOSED' check (status in ('PROPOSED', 'ACCEPTED', 'DECLINED', 'COMPLETED')),
    created_on   date        not null default current_date,
    created_by   varchar(100) not null,
    version      bigint      not null default 0
);
-- A request is never assigned twice: at most one open (proposed or accepted) assignment.
create unique index assignment_one_open_per_request on assignment (request_id) where status in ('PROPOSED', 'ACCEPTED');
create index assignment_supporter_idx on assignment (supporter_id, created_on);

create table support_activity (
    id            bigserial primary key,
    assignment_id bigint  not null references assignment (id) on delete cascade,
    activity_date date    not null,
    minutes       integer not null check (minutes between 1 and 1440),
    notes         text
);

-- Every read and write of personal data. Append only: nothing in the API edits or deletes it.
create table audit_log (
    id        bigserial primary key,
    at        timestamptz  not null default now(),
    actor     varchar(100) not null,
    action    varchar(10)  not null check (action in ('READ', 'CREATE', 'UPDATE', 'DELETE')),
    entity    varchar(30)  not null,
    entity_id bigint,
    ip        varchar(64),
    detail    varchar(400)
);
create index audit_log_at_idx on audit_log (at);
create index audit_log_entity_idx on audit_log (entity, entity_id);
