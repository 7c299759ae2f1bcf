package org.grassroots.assessment.server.selfreport;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each organization's self-report of a period stands, in two reads whatever the district's size. */
@Repository
class SelfReportProgressRepository {

    private final JdbcClient jdbc;

    SelfReportProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each report's status and how many of its facts wait for review, by organization code. */
    Map<String, Counted> reports(String period) {
        Map<String, Set<FactState>> states = new HashMap<>();
        Map<String, Long> waiting = new HashMap<>();
        jdbc.sql("select r.org_code, f.state, count(*) as n from self_report r join self_report_fact f"
                        + " on f.report_id = r.id where r.period = ? group by r.org_code, f.state").param(period)
                .query(rs -> {
                    String code = rs.getString("org_code");
                    FactState state = FactState.valueOf(rs.getString("state"));
                    states.computeIfAbsent(code, k -> EnumSet.noneOf(FactState.class)).add(state);
                    if (state == FactState.SUBMITTED) {
                        waiting.put(code, rs.getLong("n"));
                    }
                });
        Map<String, Counted> counted = new HashMap<>();
        states.forEach((code, s) -> counted.put(code, new Counted(ReportStatus.of(s), waiting.getOrDefault(code, 0L))));
        return counted;
    }

    /** The organizations with facts of the period on record (imported, entered or approved). */
    Set<String> withFacts(String period) {
        return new HashSet<>(jdbc.sql("select org_code from period_facts where period = ?").param(period)
                .query(String.class).list());
    }

    record Counted(ReportStatus status, long waiting) {
    }
}
