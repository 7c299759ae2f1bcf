package org.grassroots.assessment.server.visit;

import java.time.OffsetDateTime;
import java.util.List;
import org.grassroots.assessment.model.Visit;

/** A stored visit: its content (findings in position order) and its withdrawn findings. */
public record StoredVisit(Visit visit, List<StoredFinding> findings, String contentDigest, OffsetDateTime recordedAt,
                         String recordedBy) {

    public StoredVisit {
        findings = List.copyOf(findings);
    }
}
