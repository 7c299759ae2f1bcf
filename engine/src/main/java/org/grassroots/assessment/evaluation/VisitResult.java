package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import org.grassroots.assessment.model.VisitMode;

/** A visit's score as published with the organization's result. */
public record VisitResult(String visitId, LocalDate date, VisitMode mode, double score, boolean inWindow) {
}
