package org.grassroots.assessment.server.organization;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.grassroots.assessment.model.PeriodFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored period facts (table {@code period_facts}), one row per (orgCode, period). */
@Repository
public class PeriodFactsRepository {

    private static final RecordColumns<PeriodFacts> COLUMNS =
            RecordColumns.of(PeriodFacts.class, "reserveFundBalanceYuan", "collectiveIncomeYuan");
    private static final List<String> KEYS = List.of("org_code", "period");
    private static final Upsert UPSERT = upsert();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PeriodFactsRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<PeriodFacts> find(String orgCode, String period) {
        return jdbc.sql("select * from period_facts where org_code = ? and period = ?").params(orgCode, period)
                .query((rs, n) -> COLUMNS.read(rs)).optional();
    }

    /** The periods for which the organization has facts, in order. */
    public List<String> periods(String orgCode) {
        return jdbc.sql("select period from period_facts where org_code = ? order by period").param(orgCode)
                .query(String.class).list();
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
        Set<String> existing = new HashSet<>();
        for (String period : facts.stream().map(PeriodFacts::period).distinct().toList()) {
            jdbc.sql("select org_code from period_facts where period = ?").param(period).query(String.class).list()
                    .forEach(org -> existing.add(key(org, period)));
        }
        return UPSERT.write(batch, facts, f -> existing.contains(key(f.orgCode(), f.period())),
                f -> COLUMNS.keysFirst(f, KEYS, now));
    }

    private static String key(String orgCode, String period) {
        return orgCode + '\u0000' + period;
    }

    private static Upsert upsert() {
        List<String> values = new ArrayList<>(COLUMNS.columnsBesides(KEYS));
        values.add("updated_at");
        return new Upsert("period_facts", KEYS, values);
    }
}
