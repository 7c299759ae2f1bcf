-- Optimistic locking of a rectification item (Hibernate's @Version): every change of an item or of its
-- steps adds one, whether the lifecycle (submit, verify, reject) or the evaluation's ledger sync makes
-- it, so that of two concurrent changes one wins and the other is refused. Existing rows start at 0.
alter table rectification_item add column version bigint default 0 not null;
