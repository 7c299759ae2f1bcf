package org.grassroots.assessment.server.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import org.grassroots.assessment.evaluation.EvaluationResult.RuleSetRef;
import org.grassroots.assessment.server.rectification.RectificationView;

/**
 * A stored evaluation's record: what it evaluated, with which rule set, over which inputs
 * ({@code inputsDigest}, SHA-256 over everything it read), who ran it and whether it is published.
 * {@code previousGrades} says where movement's previous tiers came from; {@code factBasis} which facts it
 * read (issue 15: the approved ones, or the latest self-reported ones in a trial that is never published).
 */
public record EvaluationSummary(
        long id,
        String period,
        LocalDate asOf,
        RuleSetRef ruleSet,
        String inputsDigest,
        int organizations,
        Instant createdAt,
        String createdBy,
        boolean published,
        Instant publishedAt,
        String publishedBy,
        String previousGrades,
        FactBasis factBasis) {

    /**
     * The same record with the staff who ran and published it named only as
     * {@link RectificationView#HIDDEN_ACTOR}, for an organization's representative (who never
     * learns which staff member did what, as in the ledger).
     */
    public EvaluationSummary withStaffHidden() {
        return new EvaluationSummary(id, period, asOf, ruleSet, inputsDigest, organizations, createdAt,
                createdBy == null ? null : RectificationView.HIDDEN_ACTOR, published, publishedAt,
                publishedBy == null ? null : RectificationView.HIDDEN_ACTOR, previousGrades, factBasis);
    }
}
