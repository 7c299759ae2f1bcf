package org.grassroots.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void rounds_half_up_to_two_decimals_even_where_doubles_fall_short() {
        assertThat(Rounding.round2(0.35 * 96.37 + 0.25 * 93.8 + 0.40 * 99.75)).isEqualTo(97.08);
        assertThat(Rounding.round2(15 * 0.97)).isEqualTo(14.55); // 14.549999999999999 in binary
        assertThat(Rounding.round2(1.005)).isEqualTo(1.01);      // 1.00499999999999989… in binary
        assertThat(Rounding.round2(2.675)).isEqualTo(2.68);
        assertThat(Rounding.round2(16.666666)).isEqualTo(16.67);
        assertThat(Rounding.round2(-10)).isEqualTo(-10.0);
        assertThat(Rounding.round2(-2.345)).isEqualTo(-2.35);   // half away from zero
    }

    @Test
    void refuses_what_is_not_a_number() {
        assertThatThrownBy(() -> Rounding.round2(Double.NaN)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rounding.round2(Double.POSITIVE_INFINITY)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void formats_numbers_and_percentages_for_reasons() {
        assertThat(Rounding.num(12.0)).isEqualTo("12");
        assertThat(Rounding.num(6.443835616)).isEqualTo("6.44");
        assertThat(Rounding.num(0.5)).isEqualTo("0.5");
        assertThat(Rounding.percent(0.97)).isEqualTo("97%");
        assertThat(Rounding.percent(5.0 / 6)).isEqualTo("83.33%");
    }
}
