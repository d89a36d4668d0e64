-- The planner's workbench (#13): 障害福祉計画 as a plan kind, 方向性 as a closed set beside its free-text remark,
-- (the reason a sheet is reopened is the transition's comment, required by the service).
alter table plan drop constraint plan_kind_check;
alter table plan add constraint plan_kind_check
    check (kind in ('COMMUNITY_WELFARE', 'COMMUNITY_WELFARE_ACTIVITY', 'ELDERLY_CARE_INSURANCE', 'DISABILITY', 'OTHER'));

-- 今後の方向性: 拡充 / 継続 / 見直し / 縮小 / 廃止 / 完了. future_direction stays as the remark written beside it.
alter table evaluation add column direction varchar(10)
    check (direction in ('EXPAND', 'CONTINUE', 'REVISE', 'REDUCE', 'ABOLISH', 'COMPLETE'));

-- Where each value change came from (値の履歴): typed on screen, imported from the city's sheet, derived from the
-- support statistics or a survey, or pushed by a system token (its name kept). Older changes: unknown (null).
alter table indicator_value_change add column origin varchar(20)
    check (origin in ('TYPED', 'IMPORTED', 'SUPPORT_STATS', 'SURVEY', 'TOKEN'));
alter table indicator_value_change add column origin_name varchar(200);
