package org.grassroots.assessment.evaluation;

/**
 * A team or an inspector whose figures the calibration rules flag (98-calibration.drl), with the test
 * they used and its numbers.
 *
 * @param value         the flagged figure (mean deduction per visit)
 * @param othersMedian  the median of the same figure over the others compared
 * @param pooledSd      the standard deviation of one visit's deduction within the others
 *                      ({@link Statistics#pooledSd})
 * @param standardError the standard error of the difference (the pooled standard deviation × √(1/n + 1/m), n the
 *                      unit's visits, m the others')
 * @param others        how many others were compared
 * @param othersVisits  how many visits the others made
 * @param reason        the test and its numbers, in Chinese
 */
public record CalibrationOutlier(CalibrationUnit kind, String name, String rule, double value, double othersMedian,
        double pooledSd, double standardError, int others, int othersVisits, String reason) {
}
