-- "Today" as a city's staff live it: the date in Japan, whatever time zone the database server runs in (a request
-- received at 08:00 JST was received that day, though it is still the day before in UTC).
create function japan_today() returns date language sql stable parallel safe as $$
    select (now() at time zone 'Asia/Tokyo')::date
$$;
