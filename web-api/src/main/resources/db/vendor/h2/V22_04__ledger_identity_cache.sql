-- H2 only (db/vendor/h2): H2 hands out identity values 32 at a time, and every 32nd insert records the
-- next block in a transaction of its own; with WRITE_DELAY=0 (a committed write survives kill -9) that
-- commit writes every page the running transaction has changed so far. An import of the 10k bundle
-- opens some 94,000 ledger items and their steps: a quarter of its visits step went to those writes
-- (JFR, BENCHMARKS.md). Blocks of 10,000 instead: after a kill -9 the ids of the unused rest of a block
-- are skipped (ids are never reused). PostgreSQL commits nothing for a sequence; nothing to do there.
alter table rectification_item alter column id set cache 10000;
alter table rectification_step alter column id set cache 10000;
