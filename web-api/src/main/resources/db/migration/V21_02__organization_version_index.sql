-- Organizations (server.organization, server.ranking): the names kept in memory for searches and a
-- name search's counts are kept while the organizations stand, told by how many there are and the sum
-- of their versions (every change raises one); versions start at 0, so the sum over those above it
-- reads this index's few entries, not every row.
create index organization_version on organization (version);
