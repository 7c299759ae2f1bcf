-- The memberIds of each member roll, kept beside it: see db/vendor/h2/V22_05. Codes and periods compare
-- by code point, as everywhere (V13_61).
create table member_roll_ids (
    org_code   varchar(64) collate "C" not null,
    period     varchar(7)  collate "C" not null,
    member_ids varchar     not null,
    primary key (org_code, period),
    foreign key (org_code, period) references member_roll (org_code, period)
);
