-- Evaluations (server.evaluation): at most one published evaluation per period, enforced by the
-- database (unique ignores nulls in H2 and PostgreSQL), and where movement's previous tiers came from.
alter table evaluation add column published_period varchar(7);
create unique index evaluation_published_period on evaluation (published_period);
alter table evaluation add column previous_grades varchar(200);

-- The ledger is read per period (GRADING, STANDARD) and per finding (INSPECTION).
create index rectification_item_period on rectification_item (period, source);
create index rectification_item_visit on rectification_item (visit_id, position);

-- The organizations' place in the evaluation's rank order (ties by code, policy section 6), so that
-- every ranking scope lists in policy order without depending on the database's collation.
alter table evaluation_result add column list_order integer;
create index evaluation_result_order on evaluation_result (evaluation_id, list_order);
