-- The member records live in member_roll since V22_01 (moved over by migration 22.2).
drop table member_record;
