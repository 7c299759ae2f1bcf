-- Where an organization sits (issue 16): optional latitude and longitude in degrees (WGS 84), both or
-- neither; from a bundle's organizations[] (latitude, longitude), PUT /api/organizations/{code} and the
-- workbook's organizations sheet (纬度, 经度). The planning rules (PL-04) compare a visit's recorded
-- location with it.
alter table organization add column latitude double precision;
alter table organization add column longitude double precision;
