package org.grassroots.assessment.server.selfreport;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.model.Organization;

/**
 * An organization's self-report of a period as its pages show it.
 *
 * @param previousPeriod the period whose values are shown beside (the year before, or the quarter)
 * @param deadline       the office's deadline for the period, or null when none is set
 * @param exists         whether anything was ever entered or submitted
 * @param formError      a problem of the whole form (nothing to submit), or null
 */
public record ReportView(Organization organization, String period, String previousPeriod, ReviewingUnit reviewer,
                         ReportStatus status, List<FactLine> facts, List<RevisionLine> revisions, LocalDate deadline,
                         boolean exists, String formError) {

    public ReportView {
        facts = List.copyOf(facts);
        revisions = List.copyOf(revisions);
    }

    public long awaitingReview() {
        return facts.stream().filter(FactLine::awaitingReview).count();
    }

    public long unsubmittedChanges() {
        return facts.stream().filter(FactLine::changed).count();
    }

    public boolean hasErrors() {
        return formError != null || facts.stream().anyMatch(f -> f.error() != null);
    }
}
