package org.grassroots.assessment.evaluation;

import java.time.LocalDate;

/**
 * The day visits are planned for (the due list's as-of date), and the day the records begin (the
 * start of the earliest period with facts): an organization with no visit on record is counted from there.
 */
public record PlanningDay(LocalDate asOf, LocalDate recordsStart) {
}
