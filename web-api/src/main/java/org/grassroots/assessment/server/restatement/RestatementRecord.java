package org.grassroots.assessment.server.restatement;

import java.time.OffsetDateTime;

/** A stored restatement: which evaluation, under which stored rule version, when and by whom. */
public record RestatementRecord(long id, long evaluationId, long ruleVersionId, String ruleSetVersion,
        String ruleSetChecksum, int organizations, OffsetDateTime createdAt, String createdBy) {

    /** The same record without who ran it (for an organization's representative). */
    RestatementRecord withStaffHidden() {
        return new RestatementRecord(id, evaluationId, ruleVersionId, ruleSetVersion, ruleSetChecksum, organizations,
                createdAt, null);
    }
}
