package org.grassroots.assessment.evaluation;

/**
 * One team's or one inspector's figures over the calibration period (督查校准), a fact of the
 * calibration rules. Means are per visit, in deduction points; a gap is null when one side has no visit.
 *
 * @param team          the team (for an inspector, the team of most of his visits)
 * @param sdDeduction   the sample standard deviation of the deduction per visit (0 with one visit)
 * @param squaredDeviations the sum of the squared deviations of the visits' deductions from their mean
 * @param covertOpenGap mean deduction of the covert visits minus that of the open ones
 * @param peerGap       mean over the visits to organizations that other teams also visited in the period
 *                      of (this visit's deduction − the mean deduction of the other teams' visits there)
 * @param peerVisits    how many visits the peer gap averages
 * @param findings      findings recorded, withdrawn ones included
 * @param withdrawnShare withdrawn findings / findings recorded (null without findings)
 */
public record CalibrationFigures(
        CalibrationUnit kind,
        String name,
        String team,
        int visits,
        int covertVisits,
        double meanDeduction,
        double sdDeduction,
        double squaredDeviations,
        int minor,
        int major,
        int critical,
        Double covertMean,
        Double openMean,
        Double covertOpenGap,
        Double peerGap,
        int peerVisits,
        int findings,
        int withdrawn,
        Double withdrawnShare) {
}
