-- Optimistic lock of a stored rule-set version (issue 13). The column "version" already holds the
-- rule set's label, so the lock is "row_version": Hibernate raises it on every change, so of two
-- maintainers activating (or rolling back) at once the first to commit wins and the other gets 409.
alter table rule_set_version add column row_version bigint default 0 not null;
