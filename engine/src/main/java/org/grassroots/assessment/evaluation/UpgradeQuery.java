package org.grassroots.assessment.evaluation;

/**
 * Asks the upgrade rules (UP family) which of an organization's facts are within its reach: inserted
 * only by the upgrade-path search, never in an evaluation. {@code monthsLeft} and {@code weeksLeft}
 * are what remains of the period after the as-of date (0 when the period is over), exact.
 */
public record UpgradeQuery(String period, double monthsLeft, double weeksLeft) {

    /** What remains of the window's period after its end (the as-of date, or the period end). */
    public static UpgradeQuery of(AssessmentWindow window, int periodMonths, int periodWeeks) {
        return new UpgradeQuery(window.period(), Math.max(0, periodMonths - window.m()),
                Math.max(0, periodWeeks - window.w()));
    }
}
