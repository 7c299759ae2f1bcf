package org.grassroots.assessment.server.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import org.grassroots.assessment.evaluation.EvaluationResult.RuleSetRef;

/**
 * A stored evaluation's record: what it evaluated, with which rule set, over which inputs
 * ({@code inputsDigest}, SHA-256 over everything it read), who ran it and whether it is published.
 * {@code previousGrades} says where movement's previous tiers came from.
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
        String previousGrades) {
}
