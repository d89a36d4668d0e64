-- A request's story: everything that happened to it, with who and when (the timeline of a 相談).
create table request_event (
    id            bigserial    primary key,
    request_id    bigint       not null references support_request (id) on delete cascade,
    at            timestamptz  not null default now(),
    actor         varchar(100) not null,
    kind          varchar(20)  not null check (kind in ('RECEIVED', 'EDITED', 'CANDIDATES_VIEWED', 'MATCHING_STARTED', 'PROPOSED',
                                                        'ACCEPTED', 'DECLINED', 'ACTIVITY', 'COMPLETED', 'REFERRED', 'CANCELLED',
                                                        'REOPENED')),
    assignment_id bigint       references assignment (id) on delete set null,
    supporter_id  bigint       references supporter (id) on delete set null,
    minutes       integer,
    detail        text
);
create index request_event_request_idx on request_event (request_id, at, id);

-- The requests recorded without their story (before it was kept, or loaded as data) get what their records tell: the
-- day received, each proposal with who made it, each activity with its minutes, and how each proposal ended (on the
-- day it was made: no later date was kept). Marked as taken from the records. Called here, and by the demo loader.
create function request_story_from_records() returns integer language plpgsql as $$
declare
    told integer;
begin
    create temporary table untold on commit drop as
        select q.id from support_request q where not exists (select 1 from request_event e where e.request_id = q.id);
    insert into request_event (request_id, at, actor, kind)
    select q.id, cast(q.received_on as timestamptz), '（記録から）', 'RECEIVED' from support_request q join untold u on u.id = q.id;
    insert into request_event (request_id, at, actor, kind, assignment_id, supporter_id)
    select x.request_id, cast(x.created_on as timestamptz) + interval '1 second', x.created_by, 'PROPOSED', x.id, x.supporter_id
    from assignment x join untold u on u.id = x.request_id;
    insert into request_event (request_id, at, actor, kind, assignment_id, supporter_id)
    select x.request_id, cast(x.created_on as timestamptz) + interval '2 second', '（記録から）', x.status, x.id, x.supporter_id
    from assignment x join untold u on u.id = x.request_id where x.status in ('ACCEPTED', 'DECLINED', 'COMPLETED');
    insert into request_event (request_id, at, actor, kind, assignment_id, supporter_id, minutes, detail)
    select x.request_id, cast(a.activity_date as timestamptz) + interval '12 hour', '（記録から）', 'ACTIVITY', x.id, x.supporter_id, a.minutes, a.notes
    from support_activity a join assignment x on x.id = a.assignment_id join untold u on u.id = x.request_id;
    insert into request_event (request_id, at, actor, kind)
    select q.id, cast(q.received_on as timestamptz) + interval '3 second', '（記録から）', q.status
    from support_request q join untold u on u.id = q.id where q.status in ('CANCELLED', 'REFERRED');
    select count(*) into told from untold;
    drop table untold;
    return told;
end $$;
select request_story_from_records();

-- Activities are listed per assignment and per supporter, and summed per district and year (延べ活動時間).
create index support_activity_date_idx on support_activity (activity_date);

-- 延べ活動時間 (the minutes of the activity records, summed) as a statistic an indicator may take.
alter table indicator_stat_rule drop constraint indicator_stat_rule_statistic_check;
alter table indicator_stat_rule add constraint indicator_stat_rule_statistic_check
    check (statistic in ('CONSULTATIONS', 'ADJUSTMENTS', 'CATEGORY_SHARE', 'SUPPORTERS_REGISTERED', 'SUPPORTERS_ACTIVE', 'COUNSELORS',
                         'ACTIVITY_MINUTES'));
