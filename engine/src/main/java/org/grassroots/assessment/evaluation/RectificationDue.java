package org.grassroots.assessment.evaluation;

import java.time.LocalDate;

/**
 * A rectification item that the rules say is due. {@code deadline} is the visit date plus
 * {@code dueDays} for INSPECTION items, the as-of date plus {@code dueDays} for GRADING and STANDARD
 * ones (a server re-anchors those on the earliest as-of date that produced them, policy section 5).
 * {@code visitId} and {@code position} are set for INSPECTION items only ({@code position} is -1 otherwise).
 */
public record RectificationDue(
        String orgCode,
        RectificationSource source,
        String rule,
        String visitId,
        int position,
        String description,
        LocalDate deadline,
        int dueDays) implements OrgScoped {
}
