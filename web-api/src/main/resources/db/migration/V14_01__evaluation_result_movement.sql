-- Dashboard (pages.office): each organization's movement against the previous period (晋位升级) as a
-- column, so the counts and the organizations behind each count are read from an index, not from
-- every stored result. Rows stored before this version are filled in by MovementColumnBackfill (14.2, its SQL in MovementBackfillRepository).
alter table evaluation_result add column movement varchar(16);
create index evaluation_result_movement on evaluation_result (evaluation_id, movement, list_order);
