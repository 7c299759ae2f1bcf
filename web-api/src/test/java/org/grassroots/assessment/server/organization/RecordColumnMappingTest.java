package org.grassroots.assessment.server.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.grassroots.assessment.model.Appraisal;
import org.junit.jupiter.api.Test;

/** A record's components as the JDBC parameters of its columns, key columns first when asked. */
class RecordColumnMappingTest {

    record Sample(String orgCode, String period, Appraisal appraisal, double incomeYuan, int branchMeetings) {
    }

    private static final RecordColumnMapping<Sample> COLUMNS = RecordColumnMapping.of(Sample.class, "incomeYuan");
    private static final Sample SAMPLE = new Sample("V1", "2026", Appraisal.EXCELLENT, 1234.5, 7);

    @Test
    void columns_are_the_components_in_snake_case_and_values_follow_them() {
        assertThat(COLUMNS.columns()).containsExactly("org_code", "period", "appraisal", "income_yuan", "branch_meetings");
        assertThat(COLUMNS.values(SAMPLE)).containsExactly("V1", "2026", "EXCELLENT", new BigDecimal("1234.50"), 7);
    }

    @Test
    void key_columns_come_first_in_the_order_given_then_the_others_then_the_extra_values() {
        List<String> keys = List.of("period", "org_code");
        assertThat(COLUMNS.columnsBesides(keys)).containsExactly("appraisal", "income_yuan", "branch_meetings");
        assertThat(COLUMNS.keysFirst(keys).values(SAMPLE, "now")).containsExactly("2026", "V1", "EXCELLENT",
                new BigDecimal("1234.50"), 7, "now");
        assertThat(COLUMNS.keysFirst(List.of("branch_meetings")).values(SAMPLE)).containsExactly(7, "V1", "2026", "EXCELLENT",
                new BigDecimal("1234.50"));
        assertThat(COLUMNS.keysFirst(keys).values(new Sample("V2", "2025", Appraisal.COMPETENT, 0.125, 0))).containsExactly(
                "2025", "V2", "COMPETENT", new BigDecimal("0.13"), 0);
    }

    @Test
    void a_key_that_is_no_column_is_refused() {
        assertThatThrownBy(() -> COLUMNS.keysFirst(List.of("member_id")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member_id");
    }
}
