package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.VisitMode;

/**
 * A finding as the rules see it: where it was found, what the inspector recorded, and the state of
 * its rectification item as of the evaluation's as-of date. {@code severity} is null when the
 * catalog default applies; {@code lastSubmitOn} is the latest submit step on or before the as-of date.
 */
public record InspectionFinding(
        String orgCode,
        String visitId,
        LocalDate visitDate,
        VisitMode mode,
        int position,
        String item,
        Severity severity,
        Integer deduction,
        String note,
        RectificationStatus status,
        LocalDate lastSubmitOn) {

    /** The severity the inspector set, or the catalog's default when they kept it. */
    public Severity severityOr(Severity catalogDefault) {
        return severity != null ? severity : catalogDefault;
    }
}
