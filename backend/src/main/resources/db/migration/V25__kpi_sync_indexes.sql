-- A pull with updatedSince finds the nodes stamped since then by this index (issue 14: one change among 150,000 rows
-- answers in milliseconds); plan_node_figures_changed_idx serves the lookups by plan.
create index plan_node_changed_idx on plan_node (figures_changed_at);
