-- Open data: a planner publishes a plan; its indicators and yearly figures are then served without credentials
-- under /open-data/v1 (自治体標準オープンデータセット conventions). Null: not published.
alter table plan add column published_at timestamptz;
