-- The yearly evaluation sheet (事業調書) of a plan node: what was done, what comes next, a self grade,
-- and its workflow DRAFT → SUBMITTED → APPROVED, or RETURNED to the author.
create table evaluation (
    id               bigserial primary key,
    node_id          bigint      not null references plan_node (id),
    fiscal_year      integer     not null check (fiscal_year between 1989 and 2200),
    result_text      text,
    future_direction text,
    self_grade       varchar(1) check (self_grade in ('A', 'B', 'C', 'D')),
    status           varchar(10) not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    version          bigint      not null default 0,
    updated_at       timestamptz not null default now(),
    updated_by       varchar(100) not null,
    unique (node_id, fiscal_year)
);
create table evaluation_transition (
    id            bigserial primary key,
    evaluation_id bigint      not null references evaluation (id) on delete cascade,
    from_status   varchar(10),
    to_status     varchar(10) not null,
    comment       text,
    actor         varchar(100) not null,
    at            timestamptz not null default now()
);
create index evaluation_transition_evaluation_idx on evaluation_transition (evaluation_id, at);
