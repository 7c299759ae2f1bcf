-- Scheduled jobs run once across instances (issue 13): ShedLock's table, as its documentation gives it
-- for H2 and PostgreSQL alike. One row per job name; an instance runs the job only while it holds the row.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
