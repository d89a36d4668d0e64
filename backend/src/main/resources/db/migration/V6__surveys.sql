-- Citizen surveys (市民アンケート) that feed indicators. The first instrument is the three-item UCLA
-- loneliness scale. Individual responses are stored for aggregation only: the API never returns them.
create table survey (
    id                  bigserial primary key,
    code                varchar(60)  not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
    title               varchar(200) not null,
    fiscal_year         integer      not null check (fiscal_year between 1989 and 2200),
    area_id             bigint references area (id),
    conducted_by        varchar(100),
    instrument          varchar(20)  not null check (instrument in ('UCLA3')),
    data_source         varchar(12)  not null check (data_source in ('RESPONSES', 'PUBLISHED')),
    published_respondents integer check (published_respondents > 0),
    reference_survey_id bigint references survey (id) on delete set null,
    feeds_indicator_id  bigint references indicator (id) on delete set null,
    feeds_bands         varchar(80),
    response_attributes varchar(600),
    version             bigint       not null default 0,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    updated_by          varchar(100) not null,
    check ((feeds_indicator_id is null) = (feeds_bands is null)),
    check (reference_survey_id is null or reference_survey_id <> id)
);
-- One survey per indicator and fiscal year: the actual it feeds must not depend on which was written last.
create unique index survey_feeds_once on survey (feeds_indicator_id, fiscal_year) where feeds_indicator_id is not null;

-- A published band distribution (percentages as printed, e.g. the national survey).
create table survey_published_share (
    survey_id bigint       not null references survey (id) on delete cascade,
    band      varchar(12)  not null check (band in ('SCORE_3', 'SCORE_4_6', 'SCORE_7_9', 'SCORE_10_12', 'NO_ANSWER')),
    percent   numeric(4, 1) not null check (percent between 0 and 100),
    primary key (survey_id, band)
);

-- One row per respondent: the answers (1-4, null = no answer), the band they fall in, and the
-- optional attributes of the upload (age band, sex, area ...) for breakdowns.
create table survey_response (
    id         bigserial primary key,
    survey_id  bigint     not null references survey (id) on delete cascade,
    answers    smallint[] not null,
    band       varchar(12) not null check (band in ('SCORE_3', 'SCORE_4_6', 'SCORE_7_9', 'SCORE_10_12', 'NO_ANSWER')),
    attributes jsonb      not null default '{}'::jsonb
);
create index survey_response_survey_idx on survey_response (survey_id, band);

-- Where a value came from when nobody typed it (a survey rule, the support statistics).
alter table indicator_value add column source varchar(120);
