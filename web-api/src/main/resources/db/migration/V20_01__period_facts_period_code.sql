-- A batched evaluation reads a period's facts one run of organization codes at a time: an index on
-- (period, org_code) finds the run, where the index on period alone made every batch scan the whole
-- period (100,000 rows a batch at a 100,000-organization district). It serves what the old one did.
create index period_facts_period_code on period_facts (period, org_code);
drop index period_facts_period;
