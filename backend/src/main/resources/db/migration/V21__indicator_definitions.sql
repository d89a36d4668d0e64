-- Cities side by side (the 地域包括ケア「見える化」システム idea): indicators of different plans or cities that
-- measure the same thing link to one shared definition (e.g. 生活支援コーディネーターの活動回数), and a city may
-- record its older population (65歳以上人口) per fiscal year, so that figures compare per 10,000 older residents.
create table indicator_definition (
    id          bigserial primary key,
    code        varchar(100) not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    name        varchar(300) not null,
    unit        varchar(40),
    description text,
    created_at  timestamptz  not null default now(),
    created_by  varchar(100) not null
);
alter table indicator add column definition_id bigint references indicator_definition (id);
create index indicator_definition_idx on indicator (definition_id);

create table older_population (
    area_id     bigint      not null references area (id),
    fiscal_year integer     not null check (fiscal_year between 1989 and 2200),
    population  integer     not null check (population > 0),
    updated_at  timestamptz not null default now(),
    updated_by  varchar(100) not null,
    primary key (area_id, fiscal_year)
);
