-- What a visit photo's file says about itself (issue 16): the time it was taken (EXIF
-- DateTimeOriginal, the camera's local time, no zone) and where (EXIF GPS), read when the photo is
-- uploaded with the visit form. A row only for a photo that carried either; unreadable metadata is
-- no metadata. The planning rules (PL-04) compare the day taken with the visit date.
create table visit_photo (
    visit_id  varchar(64) not null references visit (visit_id),
    name      varchar(20) not null,   -- the stored file name, C01.jpg (the finding's evidence)
    taken_at  timestamp,              -- local date and time as the camera wrote it
    latitude  double precision,
    longitude double precision,
    primary key (visit_id, name)
);
