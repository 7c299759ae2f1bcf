package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import org.grassroots.assessment.model.VisitMode;

/** A visit's score, its weight in the inspection score and whether it lies in the window. */
public record VisitScore(
        String orgCode, String visitId, LocalDate date, VisitMode mode, double score, double weight, boolean inWindow) implements OrgScoped {
}
