package org.grassroots.assessment.server.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.server.storage.BatchUpsertRepository;
import org.grassroots.assessment.server.storage.StoredRowLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored member records (table {@code member_record}), one per (memberId, period). */
@Repository
public class MemberRepository {

    private static final RecordColumnMapping<MemberRecord> COLUMNS = RecordColumnMapping.of(MemberRecord.class);
    private static final List<String> KEYS = List.of("member_id", "period");
    private static final RecordColumnMapping.KeysFirst<MemberRecord> KEYS_FIRST = COLUMNS.keysFirst(KEYS);
    private static final BatchUpsertRepository UPSERT = new BatchUpsertRepository("member_record", KEYS, COLUMNS.columnsBesides(KEYS));

    private final JdbcClient jdbc;
    // JdbcClient has no batch API: the bulk writes stay JDBC batches on JdbcTemplate
    private final JdbcTemplate batch;

    MemberRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The organization's member records of the period, or of every period when it is null; by period, then memberId. */
    public List<MemberRecord> list(String orgCode, String period) {
        String sql = "select * from member_record where org_code = :org"
                + (period == null ? "" : " and period = :period") + " order by period, member_id";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("org", orgCode);
        if (period != null) {
            spec = spec.param("period", period);
        }
        return spec.query((rs, n) -> COLUMNS.read(rs)).list();
    }

    /**
     * Every member record of a period, by organization and memberId, handed over one at a time as
     * read (a district holds hundreds of thousands; the workbook export writes them as they come).
     */
    public void forEachInPeriod(String period, java.util.function.Consumer<MemberRecord> each) {
        jdbc.sql("select * from member_record where period = ? order by org_code, member_id").param(period)
                .query(rs -> {
                    each.accept(COLUMNS.read(rs));
                });
    }

    /** How many member records each organization has in the period. */
    public Map<String, Integer> countsByOrganization(String period) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select org_code, count(*) as n from member_record where period = ? group by org_code").param(period)
                .query(rs -> {
                    counts.put(rs.getString("org_code"), rs.getInt("n"));
                });
        return counts;
    }

    public int count(String orgCode, String period) {
        return jdbc.sql("select count(*) from member_record where org_code = ? and period = ?").params(orgCode, period)
                .query(Integer.class).single();
    }

    /**
     * Stores the member records, replacing those with the same (memberId, period).
     *
     * @return how many were new
     */
    public int upsert(List<MemberRecord> members) {
        if (members.isEmpty()) {
            return 0;
        }
        Map<String, Map<String, MemberRecord>> stored = new HashMap<>();
        Map<String, List<String>> idsByPeriod = members.stream().collect(
                Collectors.groupingBy(MemberRecord::period, Collectors.mapping(MemberRecord::memberId, Collectors.toList())));
        idsByPeriod.forEach((period, ids) -> {
            Map<String, MemberRecord> ofPeriod = new HashMap<>();
            if (StoredRowLookup.lookUp(ids.size(), rows -> UPSERT.moreStoredThan(jdbc, rows, "period", period))) {
                StoredRowLookup.inChunks(ids, chunk -> read("select * from member_record where period = :period"
                        + " and member_id in (:ids)", Map.of("period", period, "ids", chunk), ofPeriod));
            } else {
                read("select * from member_record where period = :period", Map.of("period", period), ofPeriod);
            }
            stored.put(period, ofPeriod);
        });
        return UPSERT.write(batch, members, m -> stored.get(m.period()).get(m.memberId()),
                KEYS_FIRST::values).inserted();
    }


    private void read(String sql, Map<String, ?> params, Map<String, MemberRecord> into) {
        jdbc.sql(sql).params(params).query((rs, n) -> COLUMNS.read(rs)).list().forEach(m -> into.put(m.memberId(), m));
    }
}
