-- Rule coverage on real data (server.evaluation): for every evaluation run from now on, how many
-- organizations each rule fired for and the rules that fired for none, as JSON
-- {"organizations": n, "rules": {"CB-05 …": 5, …}, "neverFired": ["W-04 …", …]}. Null for
-- evaluations stored before this column existed.
alter table evaluation add column coverage_json varchar(1000000);
