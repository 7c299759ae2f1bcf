package org.grassroots.assessment.server.planning;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The visits recorded against a plan: for each planned visit the first visit of its organization
 * within the plan's range (a covert one when the plan asks for covert), read in one query.
 */
@Repository
class PlanProgressRepository {

    /** A recorded visit that took place as planned. */
    record Recorded(String visitId, LocalDate date) {
    }

    private final JdbcClient jdbc;

    PlanProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By planned visit id. */
    Map<Long, Recorded> of(InspectionPlan plan) {
        Map<Long, Recorded> recorded = new HashMap<>();
        jdbc.sql("select p.id, v.visit_id, v.visit_date from planned_visit p join visit v on v.org_code = p.org_code"
                        + " and v.visit_date between ? and ? and (p.covert = false or v.mode = 'COVERT')"
                        + " where p.plan_id = ? order by v.visit_date, v.visit_id")
                .params(plan.getStartsOn(), plan.getEndsOn(), plan.getId())
                .query(rs -> {
                    recorded.putIfAbsent(rs.getLong(1), new Recorded(rs.getString(2), rs.getObject(3, LocalDate.class)));
                });
        return recorded;
    }
}
