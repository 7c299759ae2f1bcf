package org.grassroots.assessment.server.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.grassroots.assessment.evaluation.PublishedGrade;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the planning rules read besides visits: the latest published grades, the day the records begin. */
@Repository
class PublishedGradeRepository {

    private final JdbcClient jdbc;

    PublishedGradeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each organization's tier in the most recently published evaluation that holds it, published on
     * or before the day (in the zone given), by organization code.
     */
    Map<String, PublishedGrade> latest(LocalDate asOf, ZoneId zone, OrgScope scope) {
        Map<String, PublishedGrade> latest = new HashMap<>();
        OffsetDateTime before = asOf.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        java.util.List<Object> args = new java.util.ArrayList<>(java.util.List.of(before));
        args.addAll(scope.args());
        jdbc.sql("select r.org_code, r.tier, e.published_at from evaluation_result r join evaluation e"
                        + " on e.id = r.evaluation_id where e.published_at is not null and e.published_at < ? and "
                        + scope.condition("r.org_code") + " order by e.published_at, e.id")
                .params(args.toArray()).query(rs -> {
                    LocalDate on = rs.getObject("published_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
                    String code = rs.getString("org_code");
                    latest.put(code, new PublishedGrade(code, Tier.valueOf(rs.getString("tier")), on));
                });
        return latest;
    }

    /** The first day of the earliest period with facts, if any. */
    Optional<LocalDate> recordsStart() {
        return jdbc.sql("select min(period) from period_facts").query(String.class).optional()
                .map(p -> Period.parse(p).start());
    }
}
