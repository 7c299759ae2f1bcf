-- Rectification ledger (server.rectification): the ledger's stamp, read before every use of the kept
-- whole ledger, sums the items' versions above 0 and counts withdrawn findings from these indexes
-- instead of reading every item and finding (a district of 100,000 organizations holds a million items).
create index rectification_item_version on rectification_item (version);
create index finding_withdrawn on finding (withdrawn_at);
