-- Webhooks (issue 14): a system registers a URL and the events it wants; each change writes one outbox row per
-- interested subscription in the change's own transaction (triggers, so that no write path can forget), and the
-- API's replicas deliver them at least once, in order per subscription, retrying with exponential backoff for 24 h.
create table webhook_subscription (
    id          bigserial primary key,
    url         varchar(2000) not null,
    events      text[]        not null check (cardinality(events) > 0
                                              and events <@ array ['kpi.changed', 'evaluation.approved', 'plan.changed']),
    secret      varchar(100)  not null,
    description varchar(200),
    active      boolean       not null default true,
    created_at  timestamptz   not null default now(),
    created_by  varchar(100)  not null
);

create table webhook_event (
    id              bigserial primary key,
    subscription_id bigint       not null references webhook_subscription (id) on delete cascade,
    event_type      varchar(40)  not null,
    payload         jsonb        not null,
    created_at      timestamptz  not null default clock_timestamp(),
    next_attempt_at timestamptz  not null default clock_timestamp(),
    attempts        integer      not null default 0,
    delivered_at    timestamptz,
    gave_up_at      timestamptz,
    last_status     integer,
    last_error      varchar(500)
);
-- The head of each subscription's queue: its oldest event neither delivered nor given up.
create index webhook_event_pending_idx on webhook_event (subscription_id, id) where delivered_at is null and gave_up_at is null;

create table webhook_delivery (
    id           bigserial primary key,
    event_id     bigint      not null references webhook_event (id) on delete cascade,
    attempt      integer     not null,
    status_code  integer,
    error        varchar(500),
    duration_ms  integer     not null,
    attempted_at timestamptz not null default clock_timestamp()
);
create index webhook_delivery_event_idx on webhook_delivery (event_id);

-- One outbox row per active subscription that wants the event.
create function webhook_enqueue(p_type text, p_payload jsonb) returns void language sql as $$
    insert into webhook_event (subscription_id, event_type, payload)
    select s.id, p_type, jsonb_build_object('type', p_type, 'occurredAt', clock_timestamp()) || p_payload
    from webhook_subscription s where s.active and p_type = any (s.events) order by s.id
$$;

-- kpi.changed: the indicators (and their plans) whose values a statement wrote or removed.
create function webhook_values_changed() returns trigger language plpgsql as $$
declare
    ids bigint[];
begin
    if not exists (select 1 from webhook_subscription where active and 'kpi.changed' = any (events)) then
        return null;
    end if;
    if tg_op = 'DELETE' then
        select array_agg(distinct indicator_id) into ids from old_rows;
    else
        select array_agg(distinct indicator_id) into ids from new_rows;
    end if;
    perform webhook_enqueue('kpi.changed', jsonb_build_object(
        'indicators', (select coalesce(jsonb_agg(jsonb_build_object('indicatorCode', i.code, 'planCode', p.code) order by i.code), '[]')
                       from indicator i join plan_node n on n.id = i.node_id join plan p on p.id = n.plan_id where i.id = any (ids))))
    where exists (select 1 from indicator where id = any (ids));
    return null;
end
$$;
create trigger webhook_values_inserted after insert on indicator_value referencing new table as new_rows
    for each statement execute function webhook_values_changed();
create trigger webhook_values_updated after update on indicator_value referencing new table as new_rows
    for each statement execute function webhook_values_changed();
create trigger webhook_values_deleted after delete on indicator_value referencing old table as old_rows
    for each statement execute function webhook_values_changed();

-- evaluation.approved: a 事業調書 approved by the review.
create function webhook_evaluation_approved() returns trigger language plpgsql as $$
begin
    perform webhook_enqueue('evaluation.approved', jsonb_build_object('planCode', p.code, 'nodeCode', n.code, 'fiscalYear', new.fiscal_year))
    from plan_node n join plan p on p.id = n.plan_id where n.id = new.node_id;
    return null;
end
$$;
create trigger webhook_evaluation_approved after update of status on evaluation for each row
    when (new.status = 'APPROVED' and old.status is distinct from 'APPROVED') execute function webhook_evaluation_approved();

-- plan.changed: the plan itself, or its tree (nodes added, changed, moved or removed).
create function webhook_plan_changed() returns trigger language plpgsql as $$
begin
    perform webhook_enqueue('plan.changed', jsonb_build_object('planCode', new.code));
    return null;
end
$$;
create trigger webhook_plan_changed after update on plan for each row execute function webhook_plan_changed();

create function webhook_plan_tree_changed() returns trigger language plpgsql as $$
declare
    plans bigint[];
begin
    if tg_op = 'DELETE' then
        select array_agg(distinct plan_id) into plans from old_rows;
    else
        select array_agg(distinct plan_id) into plans from new_rows;
    end if;
    perform webhook_enqueue('plan.changed', jsonb_build_object('planCode', p.code)) from plan p where p.id = any (plans);
    return null;
end
$$;
create trigger webhook_nodes_inserted after insert on plan_node referencing new table as new_rows
    for each statement execute function webhook_plan_tree_changed();
create trigger webhook_nodes_updated after update on plan_node referencing new table as new_rows
    for each statement execute function webhook_plan_tree_changed();
create trigger webhook_nodes_deleted after delete on plan_node referencing old table as old_rows
    for each statement execute function webhook_plan_tree_changed();
