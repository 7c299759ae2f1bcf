-- Optimistic lock of an organization (issue 13): Hibernate checks and raises it when it changes an
-- organization, and the bundle import's batch update raises it too (version = version + 1), so a change
-- made through the entity after an import changed the same organization fails instead of undoing it.
alter table organization add column version bigint default 0 not null;
