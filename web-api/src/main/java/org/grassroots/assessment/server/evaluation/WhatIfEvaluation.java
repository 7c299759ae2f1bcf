package org.grassroots.assessment.server.evaluation;

import java.util.List;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.AssessmentProperties;
import org.grassroots.assessment.server.evaluation.EvaluationRunner.EvaluationTarget;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates a period's stored data with a given rule set, in memory, as a stored evaluation would
 * (same inputs, same previous grades) but writing nothing: no evaluation, no ledger change. Used
 * by the rule maintainers' what-if.
 */
@Service
public class WhatIfEvaluation {

    private static final int BATCH_SIZE = 16;

    private final AssessmentDataRepository loader;
    private final PreviousGradesResolver previous;
    private final AssessmentProperties properties;

    private final RuleLimits limits;

    WhatIfEvaluation(AssessmentDataRepository loader, PreviousGradesResolver previous, AssessmentProperties properties,
            RuleLimits limits) {
        this.limits = limits;
        this.loader = loader;
        this.previous = previous;
        this.properties = properties;
    }

    /**
     * 400 when no organization has facts for the period; stopped (an
     * {@link org.grassroots.assessment.evaluation.ExecutionStoppedException}) at the firing limit or
     * the deadline, which the caller shares between the evaluations it compares.
     */
    @Transactional(readOnly = true)
    public EvaluationResult evaluate(RuleSet rules, EvaluationTarget target, Deadline deadline) {
        Period period = target.period();
        Evaluator evaluator = limits.limit(new Evaluator(rules, properties.threads(), BATCH_SIZE), deadline);
        OrgScope scope = OrgScope.all();
        DatabaseAssessmentData data = loader.load(period, target.asOf(), scope);
        List<Organization> orgs = data.organizationsWithFacts(period);
        if (orgs.isEmpty()) {
            throw new InvalidRequestException("/period", "no organization has facts for period " + period);
        }
        PreviousGradesResolver.Resolved before = previous.resolve(evaluator, data, period, orgs, scope);
        return evaluator.evaluate(data, period, target.asOf(), before.grades());
    }
}
