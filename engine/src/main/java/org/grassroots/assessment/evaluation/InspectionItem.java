package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Severity;

/**
 * The rectification item a finding opened, with the severity in effect, its deadline and its state
 * as of the as-of date; the grading, timeliness and title rules read it.
 */
public record InspectionItem(
        String orgCode,
        String visitId,
        int position,
        String item,
        Severity severity,
        LocalDate deadline,
        RectificationStatus status,
        LocalDate lastSubmitOn) implements OrgScoped {
}
