-- Evaluations (server.evaluation, server.ranking): the previous period's tiers and the rankings
-- per type and per parent are read from indexes, not from rows that carry whole results.
create index evaluation_result_tier on evaluation_result (evaluation_id, org_code, tier);
create index evaluation_result_type on evaluation_result (evaluation_id, type, list_order);
create index evaluation_result_parent on evaluation_result (evaluation_id, parent_code, list_order);
