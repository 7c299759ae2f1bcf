-- Member records kept as one row per organization and period (MemberRoll: a JSON array of the
-- records, by memberId) instead of one row per member: see db/vendor/h2/V22_01. Codes and periods
-- compare by code point, as everywhere (V13_61).
create table member_roll (
    org_code     varchar(64) collate "C" not null references organization (code),
    period       varchar(7)  collate "C" not null,
    member_count integer     not null,
    members      varchar     not null,
    version      bigint      not null,
    primary key (org_code, period)
);
create index member_roll_period on member_roll (period, org_code);
