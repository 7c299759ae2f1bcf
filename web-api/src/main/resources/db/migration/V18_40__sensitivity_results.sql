-- Sensitivity of an evaluation (倒排说明, issue 18): for one constant stated in its rule set moved by
-- a step (+10 % or -10 %), how many organizations change tier and how many cross the reverse-ranking
-- cut-off, from what-if runs of the engine. Kept per evaluation: computed once, read many times.
create table sensitivity_result (
    evaluation_id   bigint       not null references evaluation (id) on delete cascade,
    rule_file       varchar(200) not null,
    rule_id         varchar(100) not null,
    constant_name   varchar(100) not null,
    step_percent    integer      not null,
    value_before    varchar(40)  not null,
    value_after     varchar(40)  not null,
    tier_changed    integer      not null,
    cut_off_crossed integer      not null,
    computed_at     timestamp with time zone not null,
    primary key (evaluation_id, rule_file, rule_id, constant_name, step_percent)
);
