package org.grassroots.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.grassroots.assessment.model.Period;
import org.junit.jupiter.api.Test;

class AssessmentWindowTest {

    @Test
    void a_whole_year_is_annual_with_12_months_and_52_weeks() {
        AssessmentWindow w = AssessmentWindow.of(Period.parse("2026"), LocalDate.of(2026, 12, 31));
        assertThat(w.fraction()).isEqualTo(1.0);
        assertThat(w.m()).isEqualTo(12.0);
        assertThat(w.w()).isEqualTo(52.0);
        assertThat(w.annual()).isTrue();
        assertThat(w.end()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void a_window_ending_15_july_covers_196_of_365_days() {
        AssessmentWindow w = AssessmentWindow.of(Period.parse("2026"), LocalDate.of(2026, 7, 15));
        assertThat(w.fraction()).isEqualTo(196.0 / 365.0);
        assertThat(w.m()).isCloseTo(6.44, within(0.005));
        assertThat(w.w()).isEqualTo(196.0 / 365.0 * 52);
        assertThat(w.annual()).isFalse();
    }

    @Test
    void an_as_of_date_after_the_period_end_keeps_the_window_at_the_period_end() {
        AssessmentWindow w = AssessmentWindow.of(Period.parse("2025"), LocalDate.of(2026, 3, 1));
        assertThat(w.end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(w.asOf()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(w.annual()).isTrue();
    }

    @Test
    void a_quarter_has_3_months_and_13_weeks_and_is_never_annual() {
        AssessmentWindow w = AssessmentWindow.of(Period.parse("2026-Q3"), LocalDate.of(2026, 9, 30));
        assertThat(w.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(w.m()).isEqualTo(3.0);
        assertThat(w.w()).isEqualTo(13.0);
        assertThat(w.annual()).isFalse();

        AssessmentWindow half = AssessmentWindow.of(Period.parse("2026-Q3"), LocalDate.of(2026, 8, 15));
        assertThat(half.fraction()).isEqualTo(46.0 / 92.0);
    }

    @Test
    void an_as_of_date_before_the_period_start_is_an_error() {
        assertThatThrownBy(() -> AssessmentWindow.of(Period.parse("2026"), LocalDate.of(2025, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the start");
    }

    @Test
    void the_default_as_of_date_is_the_period_end_or_today_if_earlier() {
        assertThat(AssessmentWindow.defaultAsOf(Period.parse("2026"), LocalDate.of(2026, 11, 28)))
                .isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(AssessmentWindow.defaultAsOf(Period.parse("2025"), LocalDate.of(2026, 11, 28)))
                .isEqualTo(LocalDate.of(2025, 12, 31));
    }
}
