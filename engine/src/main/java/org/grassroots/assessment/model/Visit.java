package org.grassroots.assessment.model;

import java.time.LocalDate;
import java.util.List;

/** An open (明察) or covert (暗访) inspection visit with its findings; immutable once stored. */
public record Visit(
        String visitId,
        String orgCode,
        LocalDate date,
        VisitMode mode,
        String team,
        List<String> inspectors,
        GeoLocation location,
        List<Finding> findings) {

    public Visit {
        inspectors = List.copyOf(inspectors);
        findings = List.copyOf(findings);
    }
}
