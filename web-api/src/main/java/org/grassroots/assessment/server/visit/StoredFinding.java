package org.grassroots.assessment.server.visit;

import org.grassroots.assessment.model.Finding;

/**
 * A stored finding at its position in the visit. Its {@code rectification} is null: an imported
 * ledger state is kept as steps of the rectification item. {@code withdrawal} is null unless the
 * finding was withdrawn; a withdrawn finding counts for nothing in evaluations.
 */
public record StoredFinding(String visitId, int position, Finding finding, Withdrawal withdrawal) {

    public boolean withdrawn() {
        return withdrawal != null;
    }
}
