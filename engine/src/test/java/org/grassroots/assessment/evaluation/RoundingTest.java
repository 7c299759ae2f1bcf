package org.grassroots.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
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

    @Test
    void whole_hundredths_come_back_as_they_are_and_read_as_the_decimal_path_writes_them() {
        // every number of hundredths up to ±2,000 (and a stride beyond, up to the fast paths' limits)
        for (long k = -200_000; k <= 200_000; k++) {
            assertSameAsDecimalPath(k / 100.0);
        }
        for (long k = -100_000_000; k <= 100_000_000; k += 9_973) {
            assertSameAsDecimalPath(k / 100.0);
        }
        assertSameAsDecimalPath(Rounding.FAST_TEXT_LIMIT - 0.01);
        assertSameAsDecimalPath(Rounding.FAST_TEXT_LIMIT + 0.01);
        assertSameAsDecimalPath(999_999.99);
        assertSameAsDecimalPath(1_000_000.01);
        assertSameAsDecimalPath(-999_999.99);
        assertSameAsDecimalPath(123_456_789.25);
        assertSameAsDecimalPath(1e16 + 2);
    }

    @Test
    void any_other_number_rounds_and_reads_as_the_decimal_path_does() {
        Random random = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(9));
            assertSameAsDecimalPath(v);
            assertSameAsDecimalPath(Math.rint(v * 1000) / 1000); // thousandths: half-cents included
        }
    }

    @Test
    void zero_has_no_sign_and_integers_read_without_decimals() {
        assertThat(Double.doubleToLongBits(Rounding.round2(-0.0))).isEqualTo(Double.doubleToLongBits(0.0));
        assertThat(Double.doubleToLongBits(Rounding.round2(-0.001))).isEqualTo(Double.doubleToLongBits(0.0));
        assertThat(Rounding.num(-0.0)).isEqualTo("0");
        assertThat(Rounding.num(-0.004)).isEqualTo("0");
        assertThat(Rounding.num(100000)).isEqualTo("100000");
        assertThat(Rounding.num(-10)).isEqualTo("-10");
        assertThat(Rounding.num(-0.05)).isEqualTo("-0.05");
        assertThat(Rounding.num(-6.4)).isEqualTo("-6.4");
        assertThat(Rounding.num(3.07)).isEqualTo("3.07");
        assertThat(Rounding.num(12345.6)).isEqualTo("12345.6");
    }

    private static void assertSameAsDecimalPath(double value) {
        double decimal = Rounding.decimalRound2(value);
        double rounded = Rounding.round2(value);
        if (Double.doubleToLongBits(rounded) != Double.doubleToLongBits(decimal)) {
            assertThat(rounded).as("round2(%s)", value).isEqualTo(decimal);
            assertThat(Double.doubleToLongBits(rounded)).as("round2(%s) bits", value)
                    .isEqualTo(Double.doubleToLongBits(decimal));
        }
        String text = Rounding.num(value);
        if (!text.equals(Rounding.decimalNum(decimal))) {
            assertThat(text).as("num(%s)", value).isEqualTo(Rounding.decimalNum(decimal));
        }
    }
}
