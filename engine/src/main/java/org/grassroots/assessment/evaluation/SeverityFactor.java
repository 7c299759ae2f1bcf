package org.grassroots.assessment.evaluation;

import org.grassroots.assessment.model.Severity;

/** How a severity scales a deduction and how many days its rectification item gets; declared in the rules. */
public record SeverityFactor(Severity severity, double factor, int rectifyDays) {
}
