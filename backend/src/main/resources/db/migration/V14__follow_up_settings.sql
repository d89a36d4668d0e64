-- 要対応 (the coordinator's follow-up queue): the city's thresholds, one row. The queue itself is computed by queries
-- when it is read (nothing to schedule, nothing a missed job could leave out).
create table follow_up_settings (
    id                      integer  primary key default 1 check (id = 1),
    proposal_days           integer  not null default 3 check (proposal_days between 0 and 365),
    waiting_days            integer  not null default 5 check (waiting_days between 0 and 365),
    activity_grace_days     integer  not null default 7 check (activity_grace_days between 0 and 365),
    idle_supporter_days     integer  not null default 90 check (idle_supporter_days between 0 and 3650),
    version                 bigint   not null default 0
);
insert into follow_up_settings (id) values (1);
-- The queue asks for proposals by status and age, and for activities by assignment.
create index assignment_status_created_idx on assignment (status, created_on);
create index support_activity_assignment_idx on support_activity (assignment_id, activity_date);
