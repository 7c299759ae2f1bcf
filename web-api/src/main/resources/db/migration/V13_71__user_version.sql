-- Optimistic lock of a user account (issue 13): Hibernate raises it on every change, so of two
-- administrators changing one user at once the first to commit wins and the other gets 409.
alter table app_user add column version bigint default 0 not null;
