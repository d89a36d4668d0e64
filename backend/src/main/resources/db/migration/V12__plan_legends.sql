-- Each plan's own legend (#17): the role symbols as the city prints them (◎ ○ □ …) and what each means in the
-- section where it is printed. A plan has a legend; any node may override it for its subtree (熊本市 prints one
-- per 取組). A role cell keeps the symbol as printed; its meaning comes from the legend in force when it is read,
-- so a symbol that legend does not list stays as printed and is flagged (凡例にない記号), never mapped.
-- A symbol appears once per legend: the service checks it (a unique key would break the ORM's in-place rewrite
-- of an indexed list, which swaps symbols between positions row by row).
create table plan_legend (
    plan_id  bigint      not null references plan (id) on delete cascade,
    position integer     not null,
    symbol   varchar(4)  not null check (btrim(symbol) <> ''),
    meaning  varchar(60) not null,
    role     varchar(10) not null check (role in ('LEAD', 'PARTNER')),
    primary key (plan_id, position)
);
create table node_legend (
    node_id  bigint      not null references plan_node (id) on delete cascade,
    position integer     not null,
    symbol   varchar(4)  not null check (btrim(symbol) <> ''),
    meaning  varchar(60) not null,
    role     varchar(10) not null check (role in ('LEAD', 'PARTNER')),
    primary key (node_id, position)
);
-- Every plan so far was read with ◎ = 実施主体 and ○ = 連携・協力.
insert into plan_legend (plan_id, position, symbol, meaning, role)
select id, 0, '◎', '実施主体', 'LEAD' from plan
union all
select id, 1, '○', '連携・協力', 'PARTNER' from plan;

alter table node_role add column symbol varchar(4);
update node_role set symbol = case role when 'LEAD' then '◎' else '○' end;
alter table node_role alter column symbol set not null;
alter table node_role add constraint node_role_symbol_check check (btrim(symbol) <> '');
alter table node_role drop column role;
