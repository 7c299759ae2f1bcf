package org.grassroots.assessment.evaluation;

import java.time.LocalDate;

/**
 * A rectification item (整改事项) of an organization that may still be submitted before the period
 * ends (inserted by an UP rule): the item of the finding at {@code position} of visit {@code visitId}
 * (the engine's index, as in {@link InspectionItem}) gets a submit step dated {@code submitOn}. The
 * upgrade-path search treats it as a change of one step, OPEN → SUBMITTED.
 */
public record RectificationLever(String orgCode, String rule, String visitId, int position, LocalDate submitOn)
        implements OrgScoped {
}
