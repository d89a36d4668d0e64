-- Welfare plans (地域福祉計画 …) as trees of nodes, with actor roles, indicators and their values.
create table plan (
    id           bigserial primary key,
    code         varchar(64)  not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
    city_id      bigint       not null references area (id),
    kind         varchar(40)  not null check (kind in ('COMMUNITY_WELFARE', 'COMMUNITY_WELFARE_ACTIVITY', 'ELDERLY_CARE_INSURANCE', 'OTHER')),
    title        varchar(300) not null,
    period_start integer      not null check (period_start between 1989 and 2200),
    period_end   integer      not null,
    vision       text,
    status       varchar(20)  not null default 'ACTIVE' check (status in ('DRAFT', 'ACTIVE', 'CLOSED')),
    grade_a      numeric(6, 2) not null default 100,
    grade_b      numeric(6, 2) not null default 80,
    grade_c      numeric(6, 2) not null default 50,
    version      bigint       not null default 0,
    updated_at   timestamptz  not null default now(),
    check (period_end >= period_start),
    check (grade_a > grade_b and grade_b > grade_c and grade_c > 0)
);
-- The names of the tree's levels (基本方針 → 取組の視点 → 取組 → 事業), depth 0 first.
create table plan_level (
    plan_id bigint      not null references plan (id) on delete cascade,
    depth   integer     not null,
    name    varchar(60) not null,
    primary key (plan_id, depth)
);
-- The actor columns of the role matrix (市, 市社協, 民生委員 …).
create table plan_actor (
    id       bigserial primary key,
    plan_id  bigint      not null references plan (id) on delete cascade,
    key      varchar(40) not null,
    name     varchar(60) not null,
    position integer     not null,
    unique (plan_id, key)
);
-- Plans made as one (一体的に策定), e.g. a city plan and its council's activity plan.
create table plan_link (
    plan_id        bigint not null references plan (id) on delete cascade,
    linked_plan_id bigint not null references plan (id) on delete cascade,
    primary key (plan_id, linked_plan_id),
    check (plan_id <> linked_plan_id)
);
create table plan_node (
    id            bigserial primary key,
    plan_id       bigint       not null references plan (id) on delete cascade,
    parent_id     bigint references plan_node (id),
    code          varchar(40)  not null,
    title         varchar(400) not null,
    summary       text,
    activity_unit varchar(200),
    position      integer      not null,
    version       bigint       not null default 0,
    updated_at    timestamptz  not null default now(),
    unique (plan_id, code),
    check (parent_id is null or parent_id <> id)
);
create index plan_node_parent_idx on plan_node (parent_id);
create table node_role (
    id        bigserial primary key,
    node_id   bigint      not null references plan_node (id) on delete cascade,
    actor_id  bigint      not null references plan_actor (id) on delete cascade,
    role      varchar(10) not null check (role in ('LEAD', 'PARTNER')),
    statement text,
    unique (node_id, actor_id)
);

create table indicator (
    id                      bigserial primary key,
    node_id                 bigint       not null references plan_node (id),
    code                    varchar(100) not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    name                    varchar(300) not null,
    unit                    varchar(40),
    direction               varchar(10) check (direction in ('INCREASE', 'DECREASE', 'MAINTAIN')),
    rationale               text,
    not_set                 boolean      not null default false,
    not_set_reason          text,
    disaggregation_name     varchar(60),
    disaggregation_additive boolean      not null default false,
    position                integer      not null default 0,
    version                 bigint       not null default 0,
    updated_at              timestamptz  not null default now(),
    -- 未設定 is a real answer: such an indicator may lack a unit and a direction, never its reason's place.
    check (not_set or (unit is not null and direction is not null))
);
create index indicator_node_idx on indicator (node_id);
create table indicator_option (
    id           bigserial primary key,
    indicator_id bigint      not null references indicator (id) on delete cascade,
    position     integer     not null,
    name         varchar(60) not null,
    unique (indicator_id, name)
);
-- One number (or marker) per indicator × fiscal year × option (null = the total) × kind.
-- Markers are not numbers: "***" (NOT_APPLICABLE), 現状維持 (MAINTAIN_BASELINE), 前年度維持 (MAINTAIN_PREVIOUS).
create table indicator_value (
    id           bigserial primary key,
    indicator_id bigint      not null references indicator (id) on delete cascade,
    option_id    bigint references indicator_option (id) on delete cascade,
    fiscal_year  integer     not null check (fiscal_year between 1989 and 2200),
    kind         varchar(10) not null check (kind in ('BASELINE', 'TARGET', 'ACTUAL')),
    value        numeric(18, 4),
    marker       varchar(20) check (marker in ('NOT_APPLICABLE', 'MAINTAIN_BASELINE', 'MAINTAIN_PREVIOUS')),
    version      bigint      not null default 0,
    updated_at   timestamptz not null default now(),
    updated_by   varchar(100) not null,
    check ((value is null) <> (marker is null)),
    check (marker is null or kind = 'TARGET' or marker = 'NOT_APPLICABLE'),
    unique nulls not distinct (indicator_id, option_id, fiscal_year, kind)
);
create index indicator_value_updated_idx on indicator_value (updated_at);
-- Every change of a value, so that a review council can see what changed and who changed it.
create table indicator_value_change (
    id           bigserial primary key,
    indicator_id bigint       not null references indicator (id) on delete cascade,
    option_name  varchar(60),
    fiscal_year  integer      not null,
    kind         varchar(10)  not null,
    old_value    numeric(18, 4),
    old_marker   varchar(20),
    new_value    numeric(18, 4),
    new_marker   varchar(20),
    changed_by   varchar(100) not null,
    changed_at   timestamptz  not null default now()
);
create index indicator_value_change_indicator_idx on indicator_value_change (indicator_id, changed_at);
