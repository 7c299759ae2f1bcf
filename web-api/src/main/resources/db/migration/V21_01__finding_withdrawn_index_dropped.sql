-- Rectification ledger (server.rectification): the ledger's stamp no longer counts withdrawn findings
-- (a withdrawal appends a WITHDRAW step to its item and raises the item's version, which the stamp
-- reads), so the index on withdrawn_at goes: H2 answered the batched evaluation's standing findings
-- ("withdrawn_at is null") from it, every standing finding of the district for each batch.
drop index finding_withdrawn;
