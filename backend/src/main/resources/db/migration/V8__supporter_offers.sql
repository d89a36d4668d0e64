-- What each supporter offers, one row per category × weekly slot, with the supporter's area. The candidate
-- search reads it by (category, day, area) through one index instead of probing every supporter of the scope
-- for its categories and its slots. Kept by triggers, so every writer (the API, imports, SQL) keeps it right.
create table supporter_offer (
    supporter_id bigint   not null references supporter (id) on delete cascade,
    category_id  bigint   not null,
    day_of_week  smallint not null,
    start_time   time     not null,
    end_time     time     not null,
    area_id      bigint   not null
);
create index supporter_offer_search_idx on supporter_offer (category_id, day_of_week, area_id)
    include (supporter_id, start_time, end_time);
create index supporter_offer_supporter_idx on supporter_offer (supporter_id);

create function refresh_supporter_offers(ids bigint[]) returns void language sql as $$
    delete from supporter_offer where supporter_id = any (ids);
    insert into supporter_offer (supporter_id, category_id, day_of_week, start_time, end_time, area_id)
    select s.id, c.category_id, a.day_of_week, a.start_time, a.end_time, s.area_id
    from supporter s
    join supporter_category c on c.supporter_id = s.id
    join supporter_availability a on a.supporter_id = s.id
    where s.id = any (ids);
$$;

create function supporter_offer_after_insert() returns trigger language plpgsql as $$
begin
    perform refresh_supporter_offers(array(select distinct supporter_id from inserted));
    return null;
end $$;
create function supporter_offer_after_delete() returns trigger language plpgsql as $$
begin
    perform refresh_supporter_offers(array(select distinct supporter_id from deleted));
    return null;
end $$;
create function supporter_offer_after_update() returns trigger language plpgsql as $$
begin
    perform refresh_supporter_offers(array(select supporter_id from inserted union select supporter_id from deleted));
    return null;
end $$;

create trigger supporter_category_offer_ins after insert on supporter_category
    referencing new table as inserted for each statement execute function supporter_offer_after_insert();
create trigger supporter_category_offer_del after delete on supporter_category
    referencing old table as deleted for each statement execute function supporter_offer_after_delete();
create trigger supporter_category_offer_upd after update on supporter_category
    referencing new table as inserted old table as deleted for each statement execute function supporter_offer_after_update();
create trigger supporter_availability_offer_ins after insert on supporter_availability
    referencing new table as inserted for each statement execute function supporter_offer_after_insert();
create trigger supporter_availability_offer_del after delete on supporter_availability
    referencing old table as deleted for each statement execute function supporter_offer_after_delete();
create trigger supporter_availability_offer_upd after update on supporter_availability
    referencing new table as inserted old table as deleted for each statement execute function supporter_offer_after_update();

create function supporter_offer_area() returns trigger language plpgsql as $$
begin
    update supporter_offer set area_id = new.area_id where supporter_id = new.id;
    return null;
end $$;
create trigger supporter_offer_area after update of area_id on supporter
    for each row when (old.area_id is distinct from new.area_id) execute function supporter_offer_area();

select refresh_supporter_offers(array(select id from supporter));

-- Continuity is looked up from the recipient's past requests to their assignments.
create index assignment_request_idx on assignment (request_id);
