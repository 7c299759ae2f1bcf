-- Member records kept as one row per organization and period (MemberRoll: a JSON array of the
-- records, by memberId) instead of one row per member: an import of a district wrote some 600,000
-- rows, each with its primary-key and foreign-key index entries and an undo-log entry that the commit
-- walked again; now some 20,000. Migration 22.2 moves the stored records over and drops member_record.
-- The same table on PostgreSQL, whose codes compare by code point (V13_61).
create table member_roll (
    org_code     varchar(64) not null references organization (code),
    period       varchar(7)  not null,
    member_count integer     not null,
    members      varchar     not null,
    version      bigint      not null,
    primary key (org_code, period)
);
create index member_roll_period on member_roll (period, org_code);
