package org.grassroots.assessment.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Half-up rounding to 2 decimals, as policy section 0 prescribes for every published number. */
public final class Rounding {

    /**
     * Below this magnitude a double's neighbours are less than 2e-10 apart, so a double that is the
     * nearest one to a number of hundredths prints (Double.toString) within 2e-10 of it, which the
     * 9-decimal settling of {@link #round2} brings back to those hundredths exactly.
     */
    private static final double FAST_LIMIT = 1e6;
    /** Where {@link #num} spells hundredths itself (checked against the decimal path by the tests). */
    static final double FAST_TEXT_LIMIT = 1e5;
    /** Integers below this are exact in a long and in a double. */
    private static final double INTEGER_LIMIT = 1e15;

    private Rounding() {
    }

    /**
     * Rounds half-up to 2 decimals. Doubles cannot hold most decimals exactly (0.35 × 96.37 may come
     * out as 33.72949999…), so the value is first settled to 9 decimals: a result that is exactly a
     * half-cent in decimal arithmetic then rounds up as the policy says.
     *
     * <p>Most values the rules round are already a whole number of hundredths (the nearest double to
     * one); those are returned as they are, which is what the decimal path gives for them (see
     * {@link #FAST_LIMIT}), without its two BigDecimals and a string. The rest take the decimal path.
     */
    public static double round2(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ArithmeticException("not a finite number: " + value);
        }
        if (value == 0) {
            return 0.0; // the decimal path has no negative zero
        }
        if (Math.abs(value) < FAST_LIMIT && Math.rint(value * 100) / 100 == value) {
            return value;
        }
        return decimalRound2(value);
    }

    static double decimalRound2(double value) {
        return BigDecimal.valueOf(value)
                .setScale(9, RoundingMode.HALF_EVEN)
                .setScale(2, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Formats a number for a Chinese reason: at most 2 decimals, no trailing zeros ("11", "6.44"). */
    public static String num(double value) {
        double rounded = round2(value);
        if (Math.abs(rounded) < INTEGER_LIMIT && rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        if (Math.abs(rounded) < FAST_TEXT_LIMIT) {
            return hundredths(Math.round(rounded * 100));
        }
        return decimalNum(rounded);
    }

    static String decimalNum(double rounded) {
        BigDecimal d = BigDecimal.valueOf(rounded).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A whole number of hundredths written as a decimal without trailing zeros ("-6.4", "0.05"). */
    static String hundredths(long hundredths) {
        long abs = Math.abs(hundredths);
        long whole = abs / 100;
        int cents = (int) (abs % 100);
        StringBuilder text = new StringBuilder(12);
        if (hundredths < 0) {
            text.append('-');
        }
        text.append(whole);
        if (cents != 0) {
            text.append('.').append(cents / 10);
            if (cents % 10 != 0) {
                text.append(cents % 10);
            }
        }
        return text.toString();
    }

    /** Formats a share 0…1 as a percentage for a reason ("97%", "83.33%"). */
    public static String percent(double share) {
        return num(share * 100) + "%";
    }
}
