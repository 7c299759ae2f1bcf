-- H2 only (db/vendor/h2): H2 gives every foreign key an index of exactly its columns, so these tables
-- had both that index and a two-column index starting with the same column, and every insert (600,000
-- member records and 80,000 visits in a large import, their rectification steps) paid for both. The
-- foreign keys' own indexes stay and serve the same look-ups: one organization's members or visits,
-- one item's steps (tens of rows at most). PostgreSQL creates no index for a foreign key, so there the
-- two-column indexes stay (db/vendor/postgresql/V6_1 does nothing). rectification_item_org stays on
-- both: another two-column index (period, source) would compete with the foreign key's for its queries.
drop index member_record_org;
drop index visit_org_date;
drop index rectification_step_item;
