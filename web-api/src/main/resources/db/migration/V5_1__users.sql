-- Users who may sign in (issue 5). Passwords are stored only as Spring Security delegating-encoder
-- hashes ({bcrypt}...). One role per user; an ORG_REP is bound to one organization and its subtree.
create table app_user (
    username      varchar(64)  not null primary key,
    password_hash varchar(200) not null,
    display_name  varchar(100) not null,
    role          varchar(20)  not null,
    org_code      varchar(64),
    enabled       boolean      not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(100) not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(100) not null,
    constraint app_user_role check (role in ('ADMIN', 'RULE_MAINTAINER', 'EVALUATOR', 'INSPECTOR', 'ORG_REP')),
    constraint app_user_org check ((role = 'ORG_REP') = (org_code is not null))
);
