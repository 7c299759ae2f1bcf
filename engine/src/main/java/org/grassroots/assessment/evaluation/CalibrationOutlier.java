package org.grassroots.assessment.evaluation;

/**
 * A team or an inspector whose figures the calibration rules flag (98-calibration.drl), with the test
 * they used and its numbers.
 *
 * @param value      the flagged figure (mean deduction per visit)
 * @param othersMedian the median of the same figure over the others compared
 * @param othersSd   the others' robust standard deviation ({@link Statistics#robustSd})
 * @param others     how many others were compared
 * @param reason     the test and its numbers, in Chinese
 */
public record CalibrationOutlier(CalibrationUnit kind, String name, String rule, double value, double othersMedian,
        double othersSd, int others, String reason) {
}
