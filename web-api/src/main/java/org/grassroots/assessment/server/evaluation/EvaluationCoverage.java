package org.grassroots.assessment.server.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.evaluation.EvaluationResult.RuleSetRef;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.evaluation.RuleCoverage;
import tools.jackson.core.type.TypeReference;

/**
 * Rule coverage on real data: for a stored evaluation, how many organizations each rule that fired
 * fired for (catalog rules fire for none: 0), and the rules of the set that never fired.
 */
public record EvaluationCoverage(long evaluationId, RuleSetRef ruleSet, int organizations, List<RuleCount> rules,
        List<String> neverFired) {

    /** A rule that fired and the number of organizations it fired for. */
    public record RuleCount(String rule, int organizations) {
    }

    /** What is stored in {@code evaluation.coverage_json}. */
    record Stored(int organizations, Map<String, Integer> rules, List<String> neverFired) {
    }

    static String toJson(RuleCoverage coverage, int organizations) {
        return ResultJson.mapper().writeValueAsString(
                new Stored(organizations, new TreeMap<>(coverage.organizationCounts()), coverage.neverFired()));
    }

    static EvaluationCoverage of(EvaluationSummary summary, String json) {
        Stored stored = ResultJson.mapper().readValue(json, new TypeReference<Stored>() {
        });
        List<RuleCount> rules = new ArrayList<>();
        new TreeMap<>(stored.rules()).forEach((rule, n) -> rules.add(new RuleCount(rule, n)));
        return new EvaluationCoverage(summary.id(), summary.ruleSet(), stored.organizations(), rules,
                stored.neverFired() == null ? List.of() : stored.neverFired());
    }
}
