package org.grassroots.assessment.server.bottom;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sensitivity results kept per evaluation (table {@code sensitivity_result}). */
@Repository
class SensitivityRepository {

    private final JdbcClient jdbc;

    SensitivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the order the constants stand in the rule files, +10 % before −10 %. */
    List<SensitivityRow> rows(long evaluationId) {
        return jdbc.sql("select rule_file, rule_id, constant_name, step_percent, value_before, value_after,"
                        + " tier_changed, cut_off_crossed, computed_at from sensitivity_result where evaluation_id = ?"
                        + " order by rule_file, rule_id, constant_name, step_percent desc")
                .param(evaluationId)
                .query((rs, n) -> new SensitivityRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    void insert(long evaluationId, SensitivityRow row) {
        jdbc.sql("insert into sensitivity_result (evaluation_id, rule_file, rule_id, constant_name, step_percent,"
                        + " value_before, value_after, tier_changed, cut_off_crossed, computed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(evaluationId, row.file(), row.rule(), row.constant(), row.stepPercent(), row.valueBefore(),
                        row.valueAfter(), row.tierChanged(), row.cutOffCrossed(), Timestamp.from(row.computedAt()))
                .update();
    }
}
