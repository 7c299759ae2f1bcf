package org.grassroots.assessment.evaluation;

import java.util.List;

/**
 * Statistics for the calibration rules ({@code import function}): no policy, only the mean, the
 * sample standard deviation, the median and a robust standard deviation of numbers (a list of
 * {@link Number}, as collectList gives it).
 */
public final class Statistics {

    private Statistics() {
    }

    /** The mean of the numbers; 0 without any. */
    public static double mean(List<?> values) {
        double sum = 0;
        int n = 0;
        for (Object v : values) {
            if (v instanceof Number number) {
                sum += number.doubleValue();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The sample standard deviation (n − 1) of the numbers; 0 with fewer than two. */
    public static double sampleSd(List<?> values) {
        double mean = mean(values);
        double squares = 0;
        int n = 0;
        for (Object v : values) {
            if (v instanceof Number number) {
                double d = number.doubleValue() - mean;
                squares += d * d;
                n++;
            }
        }
        return n < 2 ? 0 : Math.sqrt(squares / (n - 1));
    }

    /** The scale that makes the median absolute deviation estimate the standard deviation of normal data. */
    public static final double MAD_TO_SD = 1.4826;

    /** The median of the numbers (the mean of the middle two for an even count); 0 without any. */
    public static double median(List<?> values) {
        List<Double> sorted = new java.util.ArrayList<>();
        for (Object v : values) {
            if (v instanceof Number number) {
                sorted.add(number.doubleValue());
            }
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * A robust standard deviation: {@link #MAD_TO_SD} × the median absolute deviation from the median.
     * One far value among the numbers barely moves it (the sample standard deviation it would inflate).
     */
    public static double robustSd(List<?> values) {
        double median = median(values);
        List<Double> deviations = new java.util.ArrayList<>();
        for (Object v : values) {
            if (v instanceof Number number) {
                deviations.add(Math.abs(number.doubleValue() - median));
            }
        }
        return MAD_TO_SD * median(deviations);
    }
}
