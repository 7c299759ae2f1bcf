package org.grassroots.assessment.server.rectification;

import java.time.Instant;
import java.time.LocalDate;
import org.grassroots.assessment.rectification.StepKind;

/**
 * One stored lifecycle step of a ledger item: what happened, the date it counts from, when it was
 * recorded and by whom. {@code evidenceJson} is the stored JSON array of file names or URLs, or null.
 */
public record LedgerStep(
        long id,
        long itemId,
        StepKind kind,
        LocalDate date,
        Instant recordedAt,
        String actor,
        String note,
        String evidenceJson) {
}
