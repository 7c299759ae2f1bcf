package org.grassroots.assessment.server.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.PreviousGrades;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.springframework.stereotype.Component;

/**
 * Movement's previous tiers (policy section 4), organization by organization: from the published
 * evaluation of the previous period; where it has no result for the organization, from the latest
 * evaluation of that period; where neither has one and the organization has facts for the previous
 * period, evaluated on the fly from them as of that period's end (nothing stored).
 */
@Component
class PreviousGradesResolver {

    private final AssessmentDataRepository loader;
    private final EvaluationRepository evaluations;

    PreviousGradesResolver(AssessmentDataRepository loader, EvaluationRepository evaluations) {
        this.loader = loader;
        this.evaluations = evaluations;
    }

    /** The tiers, and where they came from in words (e.g. {@code published #3, on the fly 2}). */
    record Resolved(PreviousGrades grades, String source) {
    }

    Resolved resolve(Evaluator evaluator, DatabaseAssessmentData data, Period period, List<Organization> orgs,
            OrgScope scope) {
        Period before = period.previous();
        Map<String, Tier> tiers = new HashMap<>();
        List<String> sources = new ArrayList<>();
        Optional<Long> published = evaluations.publishedOf(before.toString());
        Optional<Long> latest = evaluations.latestOf(before.toString());
        published.ifPresent(id -> {
            if (addTiers(tiers, id, scope) > 0) {
                sources.add("published #" + id);
            }
        });
        latest.filter(id -> !id.equals(published.orElse(null))).ifPresent(id -> {
            if (addTiers(tiers, id, scope) > 0) {
                sources.add("latest #" + id);
            }
        });
        List<Organization> onTheFly = orgs.stream()
                .filter(o -> !tiers.containsKey(o.code()) && data.facts(o.code(), before) != null)
                .toList();
        if (!onTheFly.isEmpty()) {
            loader.addMembers(data, before, scope);
            PreviousGrades computed = evaluator.previousOnTheFly(data, period, onTheFly);
            onTheFly.forEach(o -> computed.tierOf(o.code()).ifPresent(t -> tiers.put(o.code(), t)));
            sources.add("on the fly " + onTheFly.size());
        }
        String source = before + ": " + (sources.isEmpty() ? "none" : String.join(", ", sources));
        return new Resolved(PreviousGrades.of(tiers), source);
    }

    /** Adds the tiers of a stored evaluation that are not there yet; returns how many it added. */
    private int addTiers(Map<String, Tier> tiers, long evaluationId, OrgScope scope) {
        int[] added = {0};
        evaluations.forEachTier(evaluationId, scope, (code, tier) -> {
            if (tiers.putIfAbsent(code, Tier.valueOf(tier)) == null) {
                added[0]++;
            }
        });
        return added[0];
    }
}
