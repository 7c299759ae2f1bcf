package org.grassroots.assessment.evaluation;

import org.grassroots.assessment.model.Severity;

/** One item of the inspection checklist catalog; the catalog itself is declared in the rules. */
public record ChecklistItem(String item, String name, Severity defaultSeverity, double baseDeduction) {
}
