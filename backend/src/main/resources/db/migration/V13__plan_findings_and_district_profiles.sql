-- Seed content that had nowhere to live (#17).

-- 課題・困りごと・現状 found in hearings, workshops, 協議体 and needs surveys, attached to a plan or one of its nodes,
-- with the residents' examples and where each came from.
create table plan_finding (
    id         bigserial primary key,
    plan_id    bigint       not null references plan (id) on delete cascade,
    node_id    bigint       references plan_node (id) on delete cascade,
    position   integer      not null,
    kind       varchar(20)  not null check (kind in ('ISSUE', 'TROUBLE', 'CURRENT_STATE')),
    title      varchar(200) not null check (btrim(title) <> ''),
    body       text,
    version    bigint       not null default 0,
    updated_at timestamptz  not null default now(),
    updated_by varchar(100)
);
create index plan_finding_plan_idx on plan_finding (plan_id, position);
create table plan_finding_example (
    finding_id bigint  not null references plan_finding (id) on delete cascade,
    position   integer not null,
    example    text    not null,
    primary key (finding_id, position)
);
create table plan_finding_source (
    finding_id bigint      not null references plan_finding (id) on delete cascade,
    source     varchar(20) not null check (source in ('HEARING', 'WORKSHOP', 'COUNCIL', 'NEEDS_SURVEY', 'STATISTICS', 'OTHER')),
    primary key (finding_id, source)
);

-- 問い合わせ先, as printed at the end of the plan: department, phone, FAX.
create table plan_contact (
    plan_id    bigint       not null references plan (id) on delete cascade,
    position   integer      not null,
    department varchar(200) not null,
    phone      varchar(40),
    fax        varchar(40),
    primary key (plan_id, position)
);

-- 取組の主な対象.
alter table plan_node add column main_target text;

-- The heading a report prints a category under: 買い物同行 and 通院同行 are both counted under 同行（買物・通院等）.
alter table support_category add column report_heading varchar(60);

-- 実践地区の取り組み概要: per school district and fiscal year, the 地域生活支援相談員, the main support offered, whether it
-- is paid, and the outcomes as written.
create table district_profile (
    id           bigserial primary key,
    area_id      bigint      not null references area (id),
    fiscal_year  integer     not null check (fiscal_year between 1989 and 2200),
    counselors   integer     not null check (counselors between 0 and 999),
    main_support text,
    payment      varchar(10) check (payment in ('PAID', 'UNPAID', 'BOTH')),
    outcomes     text,
    version      bigint      not null default 0,
    updated_at   timestamptz not null default now(),
    updated_by   varchar(100),
    unique (area_id, fiscal_year)
);

-- The 相談員 count is available to indicator rules like the other support statistics.
alter table indicator_stat_rule drop constraint indicator_stat_rule_statistic_check;
alter table indicator_stat_rule add constraint indicator_stat_rule_statistic_check
    check (statistic in ('CONSULTATIONS', 'ADJUSTMENTS', 'CATEGORY_SHARE', 'SUPPORTERS_REGISTERED', 'SUPPORTERS_ACTIVE', 'COUNSELORS'));

-- 変更履歴 covers the findings too.
alter table plan_change drop constraint plan_change_record_check;
alter table plan_change add constraint plan_change_record_check check (record in ('PLAN', 'NODE', 'INDICATOR', 'FINDING'));
