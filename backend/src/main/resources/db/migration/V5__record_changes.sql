-- What changed in a plan's records (plan, nodes, indicator definitions): who, when, old and new.
-- Values have their own history (indicator_value_change).
create table plan_change (
    id         bigserial primary key,
    plan_id    bigint       not null references plan (id) on delete cascade,
    record     varchar(20)  not null check (record in ('PLAN', 'NODE', 'INDICATOR')),
    record_key varchar(100) not null,
    field      varchar(40)  not null,
    old_value  text,
    new_value  text,
    changed_by varchar(100) not null,
    changed_at timestamptz  not null default now()
);
create index plan_change_plan_idx on plan_change (plan_id, changed_at);
