package org.grassroots.assessment.model;

import java.time.LocalDate;

/** The state of an existing ledger entry carried by a bundle: its lifecycle steps as dates. */
public record ImportedRectification(RectificationStatus status, LocalDate submittedOn, LocalDate verifiedOn) {
}
