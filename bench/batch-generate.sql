-- The backlog for the 一括マッチング benchmark (bench/batch.sh): run with psql after bench/matching-generate.sql.
--
--   1,000 open requests (RECEIVED) from the recipients of 3 wards (bm-w01 … bm-w03, about 1,000 recipients each),
--   so that their candidates — each request's own school district and its sibling districts, i.e. its ward — are the
--   supporters of those 3 wards (about 5,000). Unlike the candidate benchmark's 200 requests (all 09:00–11:00), these
--   look like a real backlog: every category (uniformly), 70 % weekly on a random day and 30 % on a date in the
--   next 4 weeks, starting 09:00–15:00 for 1–2 hours, payment EITHER 70 % / PAID 15 % / UNPAID 15 %, urgency LOW,
--   NORMAL, NORMAL, HIGH in turn, received over the last 60 days. Their ids are contiguous.
-- Deterministic: setseed() fixes random() for this session.
\set ON_ERROR_STOP on
begin;
select setseed(0.20261202) \gset

create temporary table ward_recipient on commit drop as
select p.id, (row_number() over (order by p.id) - 1)::int as idx
from recipient p
join area a on a.id = p.area_id
where a.code like 'bm-w01%' or a.code like 'bm-w02%' or a.code like 'bm-w03%';

insert into support_request (recipient_id, category_id, description, requested_date, weekly_day, start_time, end_time,
                             payment, urgency, status, received_on)
select r.id, c.id, c.name || 'をお願いしたい（一括）',
       case when not t.weekly then current_date + 1 + t.day_offset end,
       case when t.weekly then t.dow end,
       make_time(t.h, 0, 0), make_time(t.h + t.len, 0, 0),
       case when t.pay < 0.70 then 'EITHER' when t.pay < 0.85 then 'PAID' else 'UNPAID' end,
       (array['LOW', 'NORMAL', 'NORMAL', 'HIGH'])[1 + t.g % 4], 'RECEIVED', current_date - t.age
from (select g, floor(random() * (select count(*) from ward_recipient))::int as ri, floor(random() * 13)::int as ck,
             random() < 0.7 as weekly, 1 + floor(random() * 7)::int as dow, floor(random() * 28)::int as day_offset,
             9 + floor(random() * 7)::int as h, 1 + floor(random() * 2)::int as len, random() as pay,
             floor(random() * 60)::int as age
      from generate_series(0, 999) g
      offset 0) t
join ward_recipient r on r.idx = t.ri
join support_category c on c.position = t.ck
order by t.g;

commit;
analyze support_request;
