-- A large city for the matching benchmark (bench/matching.sh). Run with psql against an empty, migrated database
-- (Flyway has run: the API created the schema at startup).
--
--   1 city · 30 wards · 300 school districts (10 per ward) · 600 neighbourhoods (2 per district)
--   the 13 support categories (as MatchingDemo seeds them: BULKY_WASTE and TRANSPORT need a vehicle)
--   300 supporter groups (one per district, PAID and UNPAID alternately)
--   50,000 supporters (a third in the district itself, a third in each neighbourhood): capacity 1–3,
--     open assignments 0 … capacity − 1, ~90 % active, ~25 % with a vehicle, 3–5 categories, 2–4 weekly slots
--     (a random day, starting 08:00–16:00, 2–4 hours)
--   30,000 recipients, spread like the supporters
--   500,000 past requests over the last 3 years (status COMPLETED, ~20 % received in the last 90 days), each with
--     one COMPLETED assignment created the day it was received, to a supporter of the recipient's district
--     (60 % to one of the recipient's 3 regular supporters, the rest to anyone of the district)
--   200 open requests (RECEIVED, a weekly day, 09:00–11:00, payment EITHER, every category in turn), the ones
--     the benchmark ranks candidates for; their ids are contiguous.
-- Deterministic: setseed() fixes random() for this session.
\set ON_ERROR_STOP on
begin;
select setseed(0.20261122) \gset

-- ---- areas --------------------------------------------------------------------------------------------
insert into area (code, name, kana, kind) values ('bm-city', 'つなぐ市', 'つなぐし', 'CITY');
insert into area (code, name, kana, kind, parent_id)
select format('bm-w%s', lpad(w::text, 2, '0')), format('第%s区', w), format('だい%sく', w), 'WARD',
       (select id from area where code = 'bm-city')
from generate_series(1, 30) w;
insert into area (code, name, kana, kind, parent_id)
select format('%s-d%s', w.code, lpad(d::text, 2, '0')), format('%s 第%s校区', w.name, d), format('%s だい%sこうく', w.kana, d),
       'SCHOOL_DISTRICT', w.id
from area w cross join generate_series(1, 10) d
where w.kind = 'WARD' and w.code like 'bm-w%';
insert into area (code, name, kana, kind, parent_id)
select format('%s-n%s', s.code, n), format('%s %s丁目自治会', s.name, n), format('%s %sちょうめじちかい', s.kana, n),
       'NEIGHBOURHOOD', s.id
from area s cross join generate_series(1, 2) n
where s.kind = 'SCHOOL_DISTRICT' and s.code like 'bm-w%';

-- district k = 0 … 299; place (k, slot): slot 0 the district itself, slots 1 and 2 its neighbourhoods.
create temporary table district on commit drop as
select id, (row_number() over (order by code) - 1)::int as k from area where kind = 'SCHOOL_DISTRICT' and code like 'bm-w%';
create temporary table place on commit drop as
select d.k, 0 as slot, d.id from district d
union all
select d.k, (row_number() over (partition by d.k order by a.code))::int, a.id from district d join area a on a.parent_id = d.id;

-- ---- categories and groups ----------------------------------------------------------------------------
insert into support_category (code, name, requires_vehicle, position)
select c.code, c.name, c.vehicle, c.pos - 1
from unnest(array['GARBAGE', 'BULKY_WASTE', 'CLEANING', 'LAUNDRY', 'SHOPPING_ESCORT', 'HOSPITAL_ESCORT', 'SHOPPING_ERRAND',
                  'GARDENING', 'REPAIRS', 'LIGHT_WORK', 'TRANSPORT', 'COMPANIONSHIP', 'OTHER'],
            array['ゴミ出し', '粗大ごみ', '掃除', '洗濯', '買い物同行', '通院同行', '買い物代行', '庭木剪定・草取り', '家具等の修理',
                  '電球交換などの軽作業', '送迎・移動支援', '話し相手・見守り', 'その他'],
            array[false, true, false, false, false, false, false, false, false, false, true, false, false])
     with ordinality c (code, name, vehicle, pos);
create temporary table cat on commit drop as
select id, position as k, name from support_category;

insert into supporter_group (area_id, name, payment)
select d.id, format('支え合いの会 %s', d.k + 1), case when d.k % 2 = 0 then 'PAID' else 'UNPAID' end
from district d;

-- ---- supporters ---------------------------------------------------------------------------------------
insert into supporter (name, kana, contact, area_id, group_id, has_vehicle, capacity, open_assignments, active, created_at)
select (array['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'])[1 + s.i % 10] || ' ' ||
       (array['和子', '洋子', '幸子', '節子', '弘', '茂', '博', '誠', '恵子', '直樹', '美智子'])[1 + s.i % 11],
       (array['さとう', 'すずき', 'たかはし', 'たなか', 'いとう', 'わたなべ', 'やまもと', 'なかむら', 'こばやし', 'かとう'])[1 + s.i % 10] || ' ' ||
       (array['かずこ', 'ようこ', 'さちこ', 'せつこ', 'ひろし', 'しげる', 'ひろし', 'まこと', 'けいこ', 'なおき', 'みちこ'])[1 + s.i % 11],
       format('090-%s-%s', lpad((s.i / 10000)::text, 4, '0'), lpad((s.i % 10000)::text, 4, '0')),
       p.id, g.id, s.vehicle, s.cap, s.open, s.active, now() - interval '4 years'
from (select i, (i - 1) % 300 as k, ((i - 1) / 300) % 3 as slot, random() < 0.25 as vehicle, random() < 0.9 as active,
             c.cap, floor(random() * c.cap)::int as open
      from generate_series(1, 50000) i
      cross join lateral (select 1 + floor(random() * 3)::int + 0 * i as cap) c
      offset 0) s
join place p on p.k = s.k and p.slot = s.slot
join district d on d.k = s.k
join supporter_group g on g.area_id = d.id
order by s.i;

-- sup (id, k, j): the j-th supporter of district k; supn (k, n): how many.
create temporary table sup on commit drop as
select s.id, pl.k, (row_number() over (partition by pl.k order by s.id) - 1)::int as j
from supporter s join place pl on pl.id = s.area_id;
create index on sup (k, j);
create temporary table supn on commit drop as select k, count(*)::int as n from sup group by k;

-- 3–5 distinct categories each: a random start and a random step modulo 13 (a prime).
insert into supporter_category (supporter_id, category_id)
select s.id, c.id
from (select id, floor(random() * 13)::int as o, 1 + floor(random() * 12)::int as step, 3 + floor(random() * 3)::int as n
      from supporter offset 0) s
cross join lateral generate_series(0, s.n - 1) j
join cat c on c.k = (s.o + j * s.step) % 13;

-- 2–4 weekly slots each.
insert into supporter_availability (supporter_id, day_of_week, start_time, end_time)
select t.id, t.dow, make_time(t.h, 0, 0), make_time(t.h + t.len, 0, 0)
from (select s.id, j, 1 + floor(random() * 7)::int as dow, 8 + floor(random() * 9)::int as h, 2 + floor(random() * 3)::int as len,
             random() as keep
      from supporter s cross join generate_series(1, 4) j
      offset 0) t
where t.j <= 2 or t.keep < 0.5
order by t.id, t.j;

-- ---- recipients ---------------------------------------------------------------------------------------
insert into recipient (name, kana, area_id, contact, household_notes, referred_by, consent, created_at)
select (array['山田', '松本', '井上', '木村', '林', '清水', '山崎', '森', '池田', '橋本'])[1 + i % 10] || ' ' ||
       (array['トメ', 'ハル', '正男', '清', 'キヨ', '武', '静子', '昭', '文子', '勝', '光子', '実', '千代'])[1 + i % 13],
       (array['やまだ', 'まつもと', 'いのうえ', 'きむら', 'はやし', 'しみず', 'やまざき', 'もり', 'いけだ', 'はしもと'])[1 + i % 10] || ' ' ||
       (array['とめ', 'はる', 'まさお', 'きよし', 'きよ', 'たけし', 'しずこ', 'あきら', 'ふみこ', 'まさる', 'みつこ', 'みのる', 'ちよ'])[1 + i % 13],
       p.id, format('093-%s-%s', lpad((i / 10000)::text, 3, '0'), lpad((i % 10000)::text, 4, '0')),
       case when i % 4 = 0 then '独居。階段の上り下りがつらい。' end,
       (array['WELFARE_VOLUNTEER', 'COMMISSIONED_WELFARE_VOLUNTEER', 'CARE_MANAGER', 'SELF', 'FAMILY', 'OTHER'])[1 + i % 6],
       true, now() - interval '4 years'
from generate_series(1, 30000) i
join place p on p.k = (i - 1) % 300 and p.slot = ((i - 1) / 300) % 3
order by i;
create temporary table rec on commit drop as
select r.id, pl.k, (row_number() over (order by r.id) - 1)::int as idx
from recipient r join place pl on pl.id = r.area_id;
create index on rec (idx);

-- ---- 500,000 past requests, each completed by a supporter of the recipient's district ---------------------
create temporary table past on commit drop as
with r as materialized (
    select g, floor(random() * 30000)::int as ri, floor(random() * 13)::int as ck,
           (current_date - case when random() < 0.2 then floor(random() * 90)::int
                                else 90 + floor(random() * (3 * 365 - 90))::int end) as day,
           random() < 0.5 as weekly, 8 + floor(random() * 9)::int as h, 1 + floor(random() * 3)::int as len,
           floor(random() * 3)::int as pay, random() < 0.6 as regular, floor(random() * 3)::int as reg, random() as sp
    from generate_series(1, 500000) g)
select nextval('support_request_id_seq') as id, rec.id as recipient_id, r.ck, r.day, r.weekly, r.h, r.len, r.pay,
       sup.id as supporter_id
from r
join rec on rec.idx = r.ri
join supn on supn.k = rec.k
join sup on sup.k = rec.k and sup.j = case when r.regular then (rec.idx * 31 + r.reg * 53) % supn.n else floor(r.sp * supn.n)::int end
order by r.g;

insert into support_request (id, recipient_id, category_id, description, requested_date, weekly_day, start_time, end_time,
                             payment, urgency, status, received_on)
select p.id, p.recipient_id, c.id, c.name || 'の手伝い',
       case when not p.weekly then p.day + (p.id % 14)::int end,
       case when p.weekly then 1 + (p.id % 7)::int end,
       make_time(p.h, 0, 0), make_time(p.h + p.len, 0, 0),
       (array['PAID', 'UNPAID', 'EITHER'])[1 + p.pay], (array['LOW', 'NORMAL', 'NORMAL', 'HIGH'])[1 + (p.id % 4)::int],
       'COMPLETED', p.day
from past p join cat c on c.k = p.ck
order by p.id;

insert into assignment (request_id, supporter_id, status, created_on, created_by)
select p.id, p.supporter_id, 'COMPLETED', p.day, 'bench'
from past p
order by p.id;

-- ---- 200 open requests to rank candidates for (contiguous ids) -------------------------------------------
insert into support_request (recipient_id, category_id, description, weekly_day, start_time, end_time, payment, urgency,
                             status, received_on)
select rec.id, c.id, c.name || 'をお願いしたい', 1 + g % 7, '09:00', '11:00', 'EITHER', 'NORMAL', 'RECEIVED', current_date
from generate_series(0, 199) g
join rec on rec.idx = (g * 149) % 30000
join cat c on c.k = g % 13
order by g;

commit;
-- Statistics and the visibility map, as autovacuum would leave a settled production database.
vacuum analyze;
