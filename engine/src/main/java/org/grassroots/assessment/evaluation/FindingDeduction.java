package org.grassroots.assessment.evaluation;

import org.grassroots.assessment.model.Severity;

/** What one finding costs its visit, with the severity in effect and whether it was a repeat (屡查屡犯). */
public record FindingDeduction(
        String orgCode, String visitId, int position, String item, Severity severity, double points, boolean repeat) {
}
