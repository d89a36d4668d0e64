-- A large city for the KPI benchmark (bench/run.sh). Run with psql against an empty, migrated database
-- (Flyway has run: the API created the schema at startup).
--
--   1 city · 20 plans · 50 nodes per plan (5 policies × 9 measures) · 5,000 indicators (5 per node)
--   a third of the indicators (every code divisible by 3) disaggregated into 3 additive options
--   fiscal years 2017–2031: per series a BASELINE (2017), a TARGET per year and an ACTUAL per year ≤ 2025
--   series = 3,334 totals + 1,666 × (total + 3 options) = 9,998 → 9,998 × 25 = 249,950 value rows,
--   which the API serves as 9,998 × 15 = 149,970 rows (one per series × fiscal year).
-- Totals of disaggregated indicators are the sums of their options, as the API requires when it writes.
\set ON_ERROR_STOP on
begin;

insert into area (code, name, kana, kind) values ('bench-city', 'ベンチ市', 'べんちし', 'CITY');

insert into plan (code, city_id, kind, title, period_start, period_end, vision, updated_at)
select format('bench-plan-%s', lpad(p::text, 2, '0')),
       (select id from area where code = 'bench-city'),
       (array['COMMUNITY_WELFARE', 'COMMUNITY_WELFARE_ACTIVITY', 'ELDERLY_CARE_INSURANCE', 'OTHER'])[1 + p % 4],
       format('ベンチ市 第%s次 地域福祉計画', p), 2017, 2031, '誰もが安心して暮らせるまち', '2026-04-01T00:00:00+09:00'
from generate_series(1, 20) p;

insert into plan_level (plan_id, depth, name)
select p.id, d, (array['基本方針', '取組'])[d + 1] from plan p cross join generate_series(0, 1) d;

-- 5 policies per plan …
insert into plan_node (plan_id, parent_id, code, title, position, updated_at)
select p.id, null, r::text, format('基本方針 %s：地域で支え合う仕組みづくり', r), r, '2026-04-01T00:00:00+09:00'
from plan p cross join generate_series(1, 5) r;
-- … and 9 measures under each.
insert into plan_node (plan_id, parent_id, code, title, activity_unit, position, updated_at)
select n.plan_id, n.id, n.code || '-' || c, format('取組 %s-%s：見守り活動の推進', n.code, c), '校区', c, '2026-04-01T00:00:00+09:00'
from plan_node n cross join generate_series(1, 9) c
where n.parent_id is null;

-- 5,000 indicators, 5 per node; BENCH-00003, -00006 … are disaggregated by age group.
with nodes as (select id, row_number() over (order by id) - 1 as k from plan_node)
insert into indicator (node_id, code, name, unit, direction, rationale, disaggregation_name, disaggregation_additive,
                       position, updated_at)
select nodes.id, format('BENCH-%s', lpad(g::text, 5, '0')), format('見守り活動の参加者数 %s', g), '人',
       (array['INCREASE', 'DECREASE', 'MAINTAIN'])[1 + g % 3], '地域の支え合いの広がりを測る',
       case when g % 3 = 0 then '年代' end, g % 3 = 0, (g - 1) / 1000, '2026-04-01T00:00:00+09:00'
from generate_series(1, 5000) g
join nodes on nodes.k = (g - 1) % 1000;

insert into indicator_option (indicator_id, position, name)
select i.id, o, (array['64歳以下', '65〜74歳', '75歳以上'])[o + 1]
from indicator i cross join generate_series(0, 2) o
where i.disaggregation_name is not null;

-- The series that carry their own numbers: options of disaggregated indicators, totals of the others.
create temporary table series on commit drop as
select i.id as indicator_id, o.id as option_id, i.id * 7 + coalesce(o.position, 0) * 13 as seed,
       case i.direction when 'DECREASE' then -1 else 1 end as slope
from indicator i left join indicator_option o on o.indicator_id = i.id
where i.code like 'BENCH-%' and (i.disaggregation_name is null) = (o.id is null);

insert into indicator_value (indicator_id, option_id, fiscal_year, kind, value, updated_at, updated_by)
select s.indicator_id, s.option_id, y, k.kind,
       case k.kind
           when 'BASELINE' then 200 + s.seed % 300
           when 'TARGET' then 200 + s.seed % 300 + s.slope * (y - 2016) * 4
           else 200 + s.seed % 300 + s.slope * (y - 2016) * 4 - ((s.seed + y) % 7 - 2) * 3
       end,
       '2026-04-01T00:00:00+09:00'::timestamptz + make_interval(secs => (s.seed + y) % 86400), 'bench'
from series s
cross join generate_series(2017, 2031) y
cross join (values ('BASELINE'), ('TARGET'), ('ACTUAL')) k (kind)
where k.kind = 'TARGET' or (k.kind = 'ACTUAL' and y <= 2025) or (k.kind = 'BASELINE' and y = 2017);

-- Totals of the disaggregated indicators: the sums of their options.
insert into indicator_value (indicator_id, option_id, fiscal_year, kind, value, updated_at, updated_by)
select v.indicator_id, null, v.fiscal_year, v.kind, sum(v.value), max(v.updated_at), 'bench'
from indicator_value v
join indicator i on i.id = v.indicator_id
where i.disaggregation_name is not null and v.option_id is not null
group by v.indicator_id, v.fiscal_year, v.kind;

commit;
-- Statistics and the visibility map, as autovacuum would leave a settled production database.
vacuum analyze;
