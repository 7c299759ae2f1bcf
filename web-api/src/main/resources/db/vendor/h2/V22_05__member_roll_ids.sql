-- The memberIds of each member roll, kept beside it: an import of members into a period that holds
-- other organizations' rolls must find the members recorded there (a member is in one organization per
-- period), and reading every stored roll of the period for that read some 4 KB a roll, the whole
-- period's records, on every import: at 90,000 stored organizations the members step of a part took
-- 116 s and grew with every part (BENCHMARKS.md, the district step). The ids alone are about a tenth.
-- Written with the roll by the same statements' transaction (MemberRepository); migration 22.6 fills it
-- for the rolls already stored.
create table member_roll_ids (
    org_code   varchar(64) not null,
    period     varchar(7)  not null,
    member_ids varchar     not null,
    primary key (org_code, period),
    foreign key (org_code, period) references member_roll (org_code, period)
);
