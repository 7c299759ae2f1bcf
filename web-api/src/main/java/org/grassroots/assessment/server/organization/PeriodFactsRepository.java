package org.grassroots.assessment.server.organization;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.server.storage.BatchUpsertRepository;
import org.grassroots.assessment.server.storage.StoredRowLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored period facts (table {@code period_facts}), one row per (orgCode, period). */
@Repository
public class PeriodFactsRepository {

    private static final RecordColumnMapping<PeriodFacts> COLUMNS =
            RecordColumnMapping.of(PeriodFacts.class, "reserveFundBalanceYuan", "collectiveIncomeYuan");
    private static final List<String> KEYS = List.of("org_code", "period");
    private static final RecordColumnMapping.KeysFirst<PeriodFacts> KEYS_FIRST = COLUMNS.keysFirst(KEYS);
    private static final BatchUpsertRepository UPSERT = upsert();

    private final JdbcClient jdbc;
    // JdbcClient has no batch API: the bulk writes stay JDBC batches on JdbcTemplate
    private final JdbcTemplate batch;

    PeriodFactsRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<PeriodFacts> find(String orgCode, String period) {
        return jdbc.sql("select * from period_facts where org_code = ? and period = ?").params(orgCode, period)
                .query((rs, n) -> COLUMNS.read(rs)).optional();
    }

    /** Every organization's facts of a period, by organization code (for the workbook export). */
    public List<PeriodFacts> listPeriod(String period) {
        return jdbc.sql("select * from period_facts where period = ? order by org_code").param(period)
                .query((rs, n) -> COLUMNS.read(rs)).list();
    }

    /** The periods for which the organization has facts, in order. */
    public List<String> periods(String orgCode) {
        return jdbc.sql("select period from period_facts where org_code = ? order by period").param(orgCode)
                .query(String.class).list();
    }

    /** Every period for which some organization has facts, in order. */
    public List<String> allPeriods() {
        return jdbc.sql("select distinct period from period_facts order by period").query(String.class).list();
    }

    /**
     * Stores the facts, replacing those with the same (orgCode, period).
     *
     * @return how many were new
     */
    public int upsert(List<PeriodFacts> facts, OffsetDateTime now) {
        if (facts.isEmpty()) {
            return 0;
        }
        Map<String, PeriodFacts> stored = new HashMap<>();
        Map<String, List<String>> codesByPeriod = facts.stream().collect(
                Collectors.groupingBy(PeriodFacts::period, Collectors.mapping(PeriodFacts::orgCode, Collectors.toList())));
        codesByPeriod.forEach((period, codes) -> {
            if (StoredRowLookup.lookUp(codes.size(), rows -> UPSERT.moreStoredThan(jdbc, rows, "period", period))) {
                StoredRowLookup.inChunks(codes, chunk -> read("select * from period_facts where period = :period"
                        + " and org_code in (:codes)", Map.of("period", period, "codes", chunk), stored));
            } else {
                read("select * from period_facts where period = :period", Map.of("period", period), stored);
            }
        });
        return UPSERT.write(batch, facts, f -> stored.get(key(f.orgCode(), f.period())),
                f -> KEYS_FIRST.values(f, now)).inserted();
    }


    private void read(String sql, Map<String, ?> params, Map<String, PeriodFacts> into) {
        jdbc.sql(sql).params(params).query((rs, n) -> COLUMNS.read(rs)).list()
                .forEach(f -> into.put(key(f.orgCode(), f.period()), f));
    }

    private static String key(String orgCode, String period) {
        return orgCode + '\u0000' + period;
    }

    private static BatchUpsertRepository upsert() {
        List<String> values = new ArrayList<>(COLUMNS.columnsBesides(KEYS));
        values.add("updated_at");
        return new BatchUpsertRepository("period_facts", KEYS, values);
    }
}
