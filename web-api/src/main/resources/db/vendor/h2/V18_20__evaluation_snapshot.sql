-- The inputs an evaluation read (issue 18, history restated): its bundle, gzip-compressed and cut in
-- parts of at most 1 MB (part 0, 1, ...), written in the evaluation's transaction and never changed.
-- Same table on PostgreSQL with bytea (db/vendor/postgresql).
create table evaluation_snapshot_part (
    evaluation_id bigint  not null references evaluation (id) on delete cascade,
    part          integer not null,
    data          binary varying(1048576) not null,
    primary key (evaluation_id, part)
);
