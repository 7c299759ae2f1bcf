package org.grassroots.assessment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parses_years_and_quarters() {
        assertThat(Period.parse("2026")).isEqualTo(new Period(2026, 0));
        assertThat(Period.parse("2026-Q3")).isEqualTo(new Period(2026, 3));
        assertThat(Period.parse("2026-Q3").toString()).isEqualTo("2026-Q3");
    }

    @Test
    void rejects_anything_else() {
        for (String bad : new String[] {"26", "2026-Q0", "2026-Q5", "2026Q1", "2026-q1", " 2026", ""}) {
            assertThatThrownBy(() -> Period.parse(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThat(Period.isValid(bad)).isFalse();
        }
    }

    @Test
    void knows_its_calendar_days_and_previous_period() {
        Period q1 = Period.parse("2026-Q1");
        assertThat(q1.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(q1.end()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(q1.previous()).isEqualTo(Period.parse("2025-Q4"));
        assertThat(Period.parse("2025-Q4").end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(Period.parse("2026").previous()).isEqualTo(Period.parse("2025"));
        assertThat(Period.parse("2026-Q3").previous()).isEqualTo(Period.parse("2026-Q2"));
    }
}
