-- Nothing on PostgreSQL: it creates no index for a foreign key, so the two-column indexes of V1
-- (member_record_org, visit_org_date, rectification_step_item) are the only ones on those columns and
-- stay. On H2 they duplicated the foreign keys' own indexes (db/vendor/h2/V6_1).
select 1;
