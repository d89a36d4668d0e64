-- A webhook subscription can be paused (issue 14), e.g. while its receiver is under maintenance. A paused
-- subscription's events are still queued in the change's transaction, and held: nothing is sent until it resumes,
-- and then everything held goes out in order. The 24 hours of retrying count from the later of the event and the
-- resumption, so that a long pause does not make held events give up at their first failure.
alter table webhook_subscription add column resumed_at timestamptz;

create or replace function webhook_enqueue(p_type text, p_payload jsonb) returns void language sql as $$
    insert into webhook_event (subscription_id, event_type, payload)
    select s.id, p_type, jsonb_build_object('type', p_type, 'occurredAt', clock_timestamp()) || p_payload
    from webhook_subscription s where p_type = any (s.events) order by s.id
$$;

create or replace function webhook_values_changed() returns trigger language plpgsql as $$
declare
    ids bigint[];
begin
    if not exists (select 1 from webhook_subscription where 'kpi.changed' = any (events)) then
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
