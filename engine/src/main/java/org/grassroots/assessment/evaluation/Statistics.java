package org.grassroots.assessment.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Statistics for the calibration rules ({@code import function}): no policy, only the median of
 * numbers (a list of {@link Number}, as collectList gives it) and the pooled standard deviation of
 * groups.
 */
public final class Statistics {

    private Statistics() {
    }

    /** The median of the numbers (the mean of the middle two for an even count); 0 without any. */
    public static double median(List<?> values) {
        List<Double> sorted = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Number number) {
                sorted.add(number.doubleValue());
            }
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The pooled standard deviation of groups of values, given for each group the sum of the squared
     * deviations of its values from its own mean and its number of values (two lists of numbers, in any
     * order): the square root of the sum of the squared deviations over the degrees of freedom (the
     * number of values less the number of groups). Differences between the groups' means do not enter
     * it. 0 without a degree of freedom.
     */
    public static double pooledSd(List<?> squaredDeviations, List<?> sizes) {
        double squares = 0;
        for (Object v : squaredDeviations) {
            if (v instanceof Number number) {
                squares += number.doubleValue();
            }
        }
        double freedom = 0;
        for (Object v : sizes) {
            if (v instanceof Number number) {
                freedom += number.doubleValue() - 1;
            }
        }
        return freedom <= 0 ? 0 : Math.sqrt(squares / freedom);
    }
}
