-- An indicator whose yearly actuals are a support statistic (相談件数, 需給調整件数, a trouble's share,
-- supporters) of an area and everything under it. The actuals are written as the figures change.
create table indicator_stat_rule (
    indicator_id bigint       primary key references indicator (id) on delete cascade,
    area_id      bigint       not null references area (id),
    statistic    varchar(24)  not null check (statistic in ('CONSULTATIONS', 'ADJUSTMENTS', 'CATEGORY_SHARE',
                                                            'SUPPORTERS_REGISTERED', 'SUPPORTERS_ACTIVE')),
    category_id  bigint references support_category (id),
    updated_at   timestamptz  not null default now(),
    updated_by   varchar(100) not null,
    check ((statistic = 'CATEGORY_SHARE') = (category_id is not null))
);
create index indicator_stat_rule_area_idx on indicator_stat_rule (area_id);
