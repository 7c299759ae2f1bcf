package org.grassroots.assessment.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Half-up rounding to 2 decimals, as policy section 0 prescribes for every published number. */
public final class Rounding {

    private Rounding() {
    }

    /**
     * Rounds half-up to 2 decimals. Doubles cannot hold most decimals exactly (0.35 × 96.37 may come
     * out as 33.72949999…), so the value is first settled to 9 decimals: a result that is exactly a
     * half-cent in decimal arithmetic then rounds up as the policy says.
     */
    public static double round2(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ArithmeticException("not a finite number: " + value);
        }
        return BigDecimal.valueOf(value)
                .setScale(9, RoundingMode.HALF_EVEN)
                .setScale(2, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Formats a number for a Chinese reason: at most 2 decimals, no trailing zeros ("11", "6.44"). */
    public static String num(double value) {
        BigDecimal d = BigDecimal.valueOf(round2(value)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** Formats a share 0…1 as a percentage for a reason ("97%", "83.33%"). */
    public static String percent(double share) {
        return num(share * 100) + "%";
    }
}
