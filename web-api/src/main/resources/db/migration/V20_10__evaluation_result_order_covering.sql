-- Ranking table (server.ranking): the rank-order index also carries the organization's code, so that a
-- page's keys, the name search's join and its count are read from the index alone, never from rows
-- that carry whole results (a district of 100,000 organizations).
drop index evaluation_result_order;
create index evaluation_result_order on evaluation_result (evaluation_id, list_order, org_code);
