-- Codes, ids, user names and periods compare by code point, as in the engine (Java's String order) and
-- on H2, whatever the database's default collation. A department's server is usually set up with a
-- linguistic locale (zh_CN.UTF-8, en_US.UTF-8 or ICU "zh"), which would sort "A-1", "a1", "A1", "B2"
-- differently from the rankings' tie-break by code, and would keep `code like 'X%'` from using the
-- primary-key index. Names keep the database's collation (a Chinese locale sorts them by pinyin).
-- Nothing to do on H2: it compares strings by UTF-16 code unit, the same order for these codes.
alter table app_user alter column username type varchar(64) collate "C";
alter table app_user alter column org_code type varchar(64) collate "C";
alter table evaluation alter column period type varchar(7) collate "C";
alter table evaluation_result alter column org_code type varchar(64) collate "C";
alter table evaluation_result alter column parent_code type varchar(64) collate "C";
alter table finding alter column visit_id type varchar(64) collate "C";
alter table member_record alter column member_id type varchar(64) collate "C";
alter table member_record alter column period type varchar(7) collate "C";
alter table member_record alter column org_code type varchar(64) collate "C";
alter table organization alter column code type varchar(64) collate "C";
alter table organization alter column parent_code type varchar(64) collate "C";
alter table period_facts alter column org_code type varchar(64) collate "C";
alter table period_facts alter column period type varchar(7) collate "C";
alter table rectification_item alter column org_code type varchar(64) collate "C";
alter table rectification_item alter column period type varchar(7) collate "C";
alter table rectification_item alter column visit_id type varchar(64) collate "C";
alter table visit alter column visit_id type varchar(64) collate "C";
alter table visit alter column org_code type varchar(64) collate "C";
