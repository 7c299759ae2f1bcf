package org.grassroots.assessment.server.audit;

import java.time.Instant;

/** An entry recorded but not yet appended: its place in the chain is given when it is appended. */
record PendingEntry(String actor, String remoteAddress, String action, String target, String summary,
        String contentDigest) {

    /** The entry at position {@code seq} after the entry with hash {@code previousHash}. */
    AuditEntry seal(long seq, Instant at, String previousHash) {
        AuditEntry unsealed = new AuditEntry(0, seq, at, actor, remoteAddress, action, target, summary, contentDigest,
                previousHash, null);
        return new AuditEntry(0, seq, at, actor, remoteAddress, action, target, summary, contentDigest, previousHash,
                unsealed.computeHash());
    }
}
