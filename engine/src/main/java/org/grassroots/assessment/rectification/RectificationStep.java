package org.grassroots.assessment.rectification;

import java.time.LocalDate;

/** One dated lifecycle step; steps of the same date count in the order recorded. */
public record RectificationStep(StepKind kind, LocalDate date) {
}
