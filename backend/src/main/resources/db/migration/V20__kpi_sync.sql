-- A KPI sync that misses nothing (issue 14). A KPI row's figures depend on every value of its series (baseline,
-- targets in force, the previous year, the trend), on its indicator, on the plan's grade bands and period, and on
-- the titles of the nodes on its path. Each of those records when its figures last changed, by the database's
-- clock (clock_timestamp(), so that the pull's watermark — the start of the oldest writing transaction — bounds
-- them whatever replica wrote); updatedSince compares against the latest of them.

alter table indicator add column figures_changed_at timestamptz not null default clock_timestamp();
alter table plan add column figures_changed_at timestamptz not null default clock_timestamp();
alter table plan_node add column figures_changed_at timestamptz not null default clock_timestamp();
update indicator i set figures_changed_at = greatest(i.updated_at, (select max(v.updated_at) from indicator_value v where v.indicator_id = i.id));
update plan set figures_changed_at = updated_at;
update plan_node set figures_changed_at = updated_at;
create index indicator_figures_changed_idx on indicator (figures_changed_at);
create index plan_node_figures_changed_idx on plan_node (plan_id, figures_changed_at);

create function stamp_figures_changed() returns trigger language plpgsql as $$
begin
    new.figures_changed_at := clock_timestamp();
    return new;
end
$$;
create trigger indicator_figures_changed before update on indicator for each row execute function stamp_figures_changed();
create trigger plan_figures_changed before update on plan for each row execute function stamp_figures_changed();
create trigger plan_node_figures_changed before update on plan_node for each row execute function stamp_figures_changed();

-- A value or an option written or removed changes its indicator's figures. Locks the indicators in id order, so
-- that two transactions writing values of the same indicators wait for each other instead of deadlocking.
create function indicator_series_changed() returns trigger language plpgsql as $$
declare
    ids bigint[];
begin
    if tg_op = 'DELETE' then
        select array_agg(distinct indicator_id) into ids from old_rows;
    else
        select array_agg(distinct indicator_id) into ids from new_rows;
    end if;
    perform 1 from indicator where id = any (ids) order by id for no key update;
    update indicator set figures_changed_at = clock_timestamp() where id = any (ids);
    return null;
end
$$;
create trigger indicator_value_inserted after insert on indicator_value referencing new table as new_rows
    for each statement execute function indicator_series_changed();
create trigger indicator_value_updated after update on indicator_value referencing new table as new_rows
    for each statement execute function indicator_series_changed();
create trigger indicator_value_deleted after delete on indicator_value referencing old table as old_rows
    for each statement execute function indicator_series_changed();
create trigger indicator_option_inserted after insert on indicator_option referencing new table as new_rows
    for each statement execute function indicator_series_changed();
create trigger indicator_option_updated after update on indicator_option referencing new table as new_rows
    for each statement execute function indicator_series_changed();
create trigger indicator_option_deleted after delete on indicator_option referencing old table as old_rows
    for each statement execute function indicator_series_changed();

-- Rows that went away, kept for tsunagu.kpi.tombstone-retention (90 days by default) so that a client syncing with
-- updatedSince removes them too. Written with what the row said (labels and key), since the indicator may be gone.
-- A key is written whenever a row may have gone; the pull leaves out those that are there again.
create table kpi_tombstone (
    id              bigserial primary key,
    plan_code       varchar(64)  not null,
    plan_title      varchar(300) not null,
    node_codes      text[]       not null,
    node_path       text         not null,
    indicator_code  varchar(100) not null,
    indicator_name  varchar(300) not null,
    unit            varchar(40),
    direction       varchar(10),
    option_name     varchar(60),
    option_position integer      not null,
    fiscal_year     integer      not null,
    gone_at         timestamptz  not null default clock_timestamp()
);
create index kpi_tombstone_gone_idx on kpi_tombstone (gone_at);

-- What a row of the indicator says besides its figures: the plan, the path of nodes (codes and "code title" joined
-- by " > ", as the API writes them), the indicator's code, name, unit and direction.
create function kpi_row_labels(p_indicator bigint)
    returns table (plan_code varchar, plan_title varchar, node_codes text[], node_path text, indicator_code varchar,
                   indicator_name varchar, unit varchar, direction varchar)
    language sql stable as $$
    with recursive up (id, parent_id, code, title, depth) as (
        select n.id, n.parent_id, n.code, n.title, 0 from plan_node n join indicator i on i.node_id = n.id where i.id = p_indicator
        union all
        select n.id, n.parent_id, n.code, n.title, up.depth + 1 from plan_node n join up on n.id = up.parent_id where up.depth < 31)
    select p.code, p.title,
           coalesce((select array_agg(code::text order by depth desc) from up), '{}'),
           coalesce((select string_agg(code || ' ' || title, ' > ' order by depth desc) from up), ''),
           i.code, i.name, i.unit, i.direction
    from indicator i join plan_node n on n.id = i.node_id join plan p on p.id = n.plan_id
    where i.id = p_indicator
$$;

-- Buries the rows of one indicator: the given (option, year) keys, or with p_all every key it may have — each year
-- with a value, and for a 未設定 indicator each year of the plan's period — in every series (the total and each option).
create function kpi_bury(p_indicator bigint, p_option bigint, p_years integer[], p_all boolean) returns void language sql as $$
    with series (option_id) as (
             select null::bigint where p_option is null
             union all select o.id from indicator_option o where o.indicator_id = p_indicator and (p_all or o.id = p_option)),
         years (fiscal_year) as (
             select unnest(p_years)
             union select v.fiscal_year from indicator_value v where p_all and v.indicator_id = p_indicator
             union select gs from indicator i join plan_node n on n.id = i.node_id join plan p on p.id = n.plan_id,
                          generate_series(p.period_start, p.period_end) gs
                   where p_all and i.id = p_indicator and i.not_set)
    insert into kpi_tombstone (plan_code, plan_title, node_codes, node_path, indicator_code, indicator_name, unit, direction,
                               option_name, option_position, fiscal_year)
    select l.plan_code, l.plan_title, l.node_codes, l.node_path, l.indicator_code, l.indicator_name, l.unit, l.direction,
           o.name, coalesce(o.position, -1), y.fiscal_year
    from kpi_row_labels(p_indicator) l
    cross join series s
    left join indicator_option o on o.id = s.option_id
    cross join years y
$$;

-- Values removed: their (series, year) keys, while the indicator and option are still there (when they are being
-- deleted, their own triggers below have buried everything already).
create function kpi_values_deleted() returns trigger language plpgsql as $$
declare
    k record;
begin
    for k in select indicator_id, option_id, array_agg(distinct fiscal_year) years from old_rows
             where exists (select 1 from indicator i where i.id = indicator_id)
               and (option_id is null or exists (select 1 from indicator_option o where o.id = option_id))
             group by indicator_id, option_id loop
        perform kpi_bury(k.indicator_id, k.option_id, k.years, false);
    end loop;
    return null;
end
$$;
create trigger indicator_value_buried after delete on indicator_value referencing old table as old_rows
    for each statement execute function kpi_values_deleted();

create function kpi_indicator_deleted() returns trigger language plpgsql as $$
begin
    perform kpi_bury(old.id, null, '{}', true);
    return old;
end
$$;
create trigger indicator_buried before delete on indicator for each row execute function kpi_indicator_deleted();

-- An option removed: every row of its series.
create function kpi_option_deleted() returns trigger language plpgsql as $$
begin
    if exists (select 1 from indicator i where i.id = old.indicator_id) then
        perform kpi_bury(old.indicator_id, old.id, array(select distinct fiscal_year from indicator_value where option_id = old.id), false);
    end if;
    return old;
end
$$;
create trigger indicator_option_buried before delete on indicator_option for each row execute function kpi_option_deleted();

-- A 未設定 indicator has a row for each year of the plan's period: those go when it gets a target, or the period shrinks.
create function kpi_indicator_set() returns trigger language plpgsql as $$
begin
    if old.not_set and not new.not_set then
        perform kpi_bury(old.id, null, '{}', true);
    end if;
    return new;
end
$$;
create trigger indicator_set before update of not_set on indicator for each row execute function kpi_indicator_set();

create function kpi_period_changed() returns trigger language plpgsql as $$
begin
    if old.period_start <> new.period_start or old.period_end <> new.period_end then
        perform kpi_bury(i.id, null, '{}', true)
        from indicator i join plan_node n on n.id = i.node_id where n.plan_id = old.id and i.not_set;
    end if;
    return new;
end
$$;
create trigger plan_period_changed before update of period_start, period_end on plan for each row execute function kpi_period_changed();
