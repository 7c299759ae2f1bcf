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

    /**
     * The coverage of a district evaluated in batches, and then ranked: which rules fired for which
     * organizations, each organization a bit (its place among those evaluated), so that what every
     * batch and the district phase fired for adds up exactly as one evaluation's coverage.
     */
    static final class Tally {
        private final Map<String, Integer> ordinals;
        private final Map<String, java.util.BitSet> fired = new TreeMap<>();
        private final Map<String, java.util.Set<String>> others = new TreeMap<>();

        Tally(List<String> codes) {
            ordinals = new java.util.HashMap<>(codes.size() * 2);
            for (int i = 0; i < codes.size(); i++) {
                ordinals.put(codes.get(i), i);
            }
        }

        void add(RuleCoverage coverage) {
            coverage.firedFor().forEach((rule, orgs) -> {
                java.util.BitSet bits = fired.computeIfAbsent(rule, k -> new java.util.BitSet());
                for (String code : orgs) {
                    Integer at = ordinals.get(code);
                    if (at != null) {
                        bits.set(at);
                    } else {
                        others.computeIfAbsent(rule, k -> new java.util.TreeSet<>()).add(code);
                    }
                }
            });
        }

        /** The stored JSON, the rules of the set that never fired listed. */
        String toJson(java.util.Collection<String> allRules, int organizations) {
            Map<String, Integer> counts = new TreeMap<>();
            fired.forEach((rule, bits) -> counts.put(rule,
                    bits.cardinality() + others.getOrDefault(rule, java.util.Set.of()).size()));
            List<String> never = new ArrayList<>(new java.util.TreeSet<>(allRules));
            never.removeAll(fired.keySet());
            return ResultJson.mapper().writeValueAsString(new Stored(organizations, counts, never));
        }
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
