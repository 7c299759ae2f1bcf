package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.grassroots.assessment.model.Period;

/**
 * The window of an evaluation (policy section 0): [period start, min(period end, as-of)], and the
 * prorating factors the rules scale their requirements with. {@code m} and {@code w} are exact,
 * never rounded; {@code annual} is true only when the window is a whole year.
 */
public record AssessmentWindow(
        String period,
        LocalDate start,
        LocalDate end,
        LocalDate asOf,
        double fraction,
        double m,
        double w,
        boolean annual) {

    public static AssessmentWindow of(Period period, LocalDate asOf) {
        if (asOf.isBefore(period.start())) {
            throw new IllegalArgumentException(
                    "as-of date " + asOf + " is before the start of period " + period + " (" + period.start() + ")");
        }
        LocalDate end = asOf.isBefore(period.end()) ? asOf : period.end();
        double daysInWindow = ChronoUnit.DAYS.between(period.start(), end) + 1;
        double daysInPeriod = ChronoUnit.DAYS.between(period.start(), period.end()) + 1;
        double f = daysInWindow / daysInPeriod;
        boolean annual = !period.isQuarter() && end.equals(period.end());
        return new AssessmentWindow(period.toString(), period.start(), end, asOf, f,
                f * period.months(), f * period.weeks(), annual);
    }

    /** Default as-of date: the period end, or today if earlier (policy section 0). */
    public static LocalDate defaultAsOf(Period period, LocalDate today) {
        return today.isBefore(period.end()) ? today : period.end();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
