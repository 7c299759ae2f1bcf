package org.grassroots.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics the calibration rules import, on numbers worked out by hand. */
class StatisticsTest {

    @Test
    void median_of_an_odd_and_an_even_count_and_of_nothing() {
        assertThat(Statistics.median(List.of(5.0, 1, 3L))).isEqualTo(3.0);
        assertThat(Statistics.median(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
        assertThat(Statistics.median(List.of("not a number", 2.0))).isEqualTo(2.0);
        assertThat(Statistics.median(List.of())).isZero();
    }

    @Test
    void pooled_sd_leaves_out_the_differences_between_the_groups_means() {
        // groups {1, 3} and {10, 12, 14}: squared deviations 2 + 8 = 10 over (2 − 1) + (3 − 1) = 3 degrees of freedom
        assertThat(Statistics.pooledSd(List.of(2.0, 8.0), List.of(2, 3))).isCloseTo(Math.sqrt(10.0 / 3), within(1e-12));
        assertThat(Statistics.pooledSd(List.of(0.0, 0.0), List.of(4, 5))).as("every group constant").isZero();
        assertThat(Statistics.pooledSd(List.of(0.0, 0.0), List.of(1, 1))).as("one value a group: no degree of freedom")
                .isZero();
        assertThat(Statistics.pooledSd(List.of(), List.of())).isZero();
    }
}
