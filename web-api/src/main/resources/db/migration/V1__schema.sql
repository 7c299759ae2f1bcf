-- The assessment server's schema. Portable between H2 (embedded default) and PostgreSQL.
-- Names follow the bundle format (data-format.md) in snake case.

create table organization (
    code                varchar(64)  primary key,
    name                varchar(200) not null,
    type                varchar(16)  not null,
    level               varchar(16)  not null,
    parent_code         varchar(64),
    enterprise_category varchar(16),
    has_party_groups    boolean      not null,
    updated_at          timestamp with time zone not null
);
create index organization_parent on organization (parent_code);

create table period_facts (
    org_code                         varchar(64) not null references organization (code),
    period                           varchar(7)  not null,
    branch_general_meetings          integer not null,
    committee_meetings               integer not null,
    party_group_meetings             integer not null,
    party_lectures                   integer not null,
    theme_party_days                 integer not null,
    study_days                       integer not null,
    village_committee_meetings       integer not null,
    volunteer_activities             integer not null,
    organizational_life_meeting_held boolean not null,
    democratic_review_held           boolean not null,
    study_attendance_rate            double precision not null,
    mass_satisfaction                double precision not null,
    members                          integer not null,
    new_members                      integer not null,
    years_since_last_new_member      integer not null,
    floating_members                 integer not null,
    floating_members_in_contact      integer not null,
    floating_ledger_up_to_date       boolean not null,
    secretary_vacant_months          integer not null,
    committee_seats_required         integer not null,
    committee_seats_filled           integer not null,
    discipline_cases_leadership      integer not null,
    discipline_cases_members         integer not null,
    has_service_center               boolean not null,
    center_signage                   boolean not null,
    center_appearance                boolean not null,
    center_equipment                 boolean not null,
    center_atmosphere                boolean not null,
    integration_working_body         boolean not null,
    integration_cross_appointment    boolean not null,
    integration_shared_venue         boolean not null,
    integration_joint_activities     boolean not null,
    integration_joint_systems        boolean not null,
    reserve_fund_balance_yuan        numeric(16, 2) not null,
    collective_income_yuan           numeric(16, 2) not null,
    guide_assigned                   boolean not null,
    contact_point_assigned           boolean not null,
    first_secretary_assigned         boolean not null,
    disputes_unresolved              integer not null,
    petitions_repeated               integer not null,
    demonstration_level              varchar(8) not null,
    updated_at                       timestamp with time zone not null,
    primary key (org_code, period)
);
create index period_facts_period on period_facts (period);

create table member_record (
    member_id             varchar(64) not null,
    period                varchar(7)  not null,
    org_code              varchar(64) not null references organization (code),
    floating              boolean not null,
    service_hours         double precision not null,
    appraisal             varchar(24) not null,
    innovations           integer not null,
    management_results    integer not null,
    study_attendance_rate double precision not null,
    test_score            double precision not null,
    disciplinary_action   boolean not null,
    primary key (member_id, period)
);
create index member_record_org on member_record (org_code, period);

-- A visit is immutable once stored: a correction is a new visit or a withdrawn finding.
create table visit (
    visit_id       varchar(64)  primary key,
    org_code       varchar(64)  not null references organization (code),
    visit_date     date         not null,
    mode           varchar(8)   not null,
    team           varchar(100) not null,
    inspectors     varchar(4000) not null,   -- JSON array of names
    lat            double precision,
    lon            double precision,
    content_digest varchar(80)  not null,    -- sha256 of the canonical visit JSON: identical re-posts are no-ops
    recorded_at    timestamp with time zone not null,
    recorded_by    varchar(100)
);
create index visit_org_date on visit (org_code, visit_date);

create table finding (
    visit_id         varchar(64) not null references visit (visit_id),
    position         integer     not null,   -- index in the visit's findings[]
    item             varchar(3)  not null,
    severity         varchar(8),             -- null: the catalog's default
    deduction        integer,                -- C12 only
    note             varchar(2000),
    evidence         varchar(40000),         -- JSON array of file names or URLs
    withdrawn_at     timestamp with time zone,
    withdrawn_by     varchar(100),
    withdrawn_reason varchar(2000),
    primary key (visit_id, position)
);

-- The rectification list (整改台账). INSPECTION items are keyed by their finding, GRADING and
-- STANDARD items by (organization, period, rule): re-evaluating never duplicates them.
create table rectification_item (
    id          bigint generated by default as identity primary key,
    item_key    varchar(200) not null unique,
    org_code    varchar(64)  not null references organization (code),
    source      varchar(16)  not null,
    rule        varchar(16)  not null,
    period      varchar(7),
    visit_id    varchar(64),
    position    integer,
    description varchar(4000) not null,
    anchor_date date,        -- the earliest as-of date that produced it (GRADING, STANDARD) or the visit date
    due_days    integer,
    deadline    date,
    created_at  timestamp with time zone not null
);
create index rectification_item_org on rectification_item (org_code, period);

-- Every lifecycle step, timestamped with who did it; an item's status as of a date is derived from them.
create table rectification_step (
    id          bigint generated by default as identity primary key,
    item_id     bigint      not null references rectification_item (id),
    kind        varchar(16) not null,    -- SUBMIT, VERIFY, REJECT, WITHDRAW, REOPEN
    step_date   date        not null,
    recorded_at timestamp with time zone not null,
    actor       varchar(100),
    note        varchar(4000),
    evidence    varchar(40000)
);
create index rectification_step_item on rectification_step (item_id, id);

-- Evaluations are immutable records of what was issued: inputs' digest, as-of date, rule set, results.
create table evaluation (
    id                bigint generated by default as identity primary key,
    period            varchar(7)   not null,
    as_of             date         not null,
    rule_set_version  varchar(100) not null,
    rule_set_checksum varchar(80)  not null,
    inputs_digest     varchar(80)  not null,
    organizations     integer      not null,
    created_at        timestamp with time zone not null,
    created_by        varchar(100),
    published_at      timestamp with time zone,
    published_by      varchar(100)
);
create index evaluation_period on evaluation (period, created_at);

create table evaluation_result (
    evaluation_id  bigint      not null references evaluation (id),
    org_code       varchar(64) not null,
    rank           integer     not null,
    rank_in_type   integer     not null,
    rank_in_parent integer     not null,
    type           varchar(16) not null,
    parent_code    varchar(64),
    tier           varchar(16) not null,
    composite      double precision not null,
    result_json    varchar(1000000) not null,   -- the organization's result with its explanation
    members_json   varchar(1000000) not null,   -- its members' titles
    items_json     varchar(1000000) not null,   -- its rectification items as of the as-of date
    primary key (evaluation_id, org_code)
);
create index evaluation_result_rank on evaluation_result (evaluation_id, rank, org_code);
