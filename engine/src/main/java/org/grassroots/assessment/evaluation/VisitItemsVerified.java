package org.grassroots.assessment.evaluation;

import java.time.LocalDate;

/**
 * A visit whose findings' rectification items are all verified (核验销号) as of the planning day,
 * with the day the last of them was verified. Visits without findings, or with an item not yet
 * verified, have none.
 */
public record VisitItemsVerified(String orgCode, String visitId, LocalDate lastVerifiedOn) {
}
