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

    /**
     * The previous tiers of a district read in batches: {@link #of} answers a batch's, and the words
     * of where they came from count every batch (a stored evaluation is named when it gave a tier to
     * at least one organization evaluated).
     */
    final class Batched {
        private final Period before;
        private final Optional<Long> published;
        private final Optional<Long> latest;
        private int fromPublished;
        private int fromLatest;
        private int onTheFly;

        private Batched(Period period) {
            this.before = period.previous();
            this.published = evaluations.publishedOf(before.toString());
            this.latest = evaluations.latestOf(before.toString()).filter(id -> !id.equals(published.orElse(null)));
        }

        /** The tiers of the batch's organizations, the data's previous members read when some are evaluated on the fly. */
        PreviousGrades of(Evaluator evaluator, DatabaseAssessmentData data, Period period, List<Organization> orgs,
                OrgScope scope) {
            java.util.Set<String> codes = new java.util.HashSet<>();
            orgs.forEach(o -> codes.add(o.code()));
            Map<String, Tier> tiers = new HashMap<>();
            published.ifPresent(id -> fromPublished += addTiers(tiers, id, scope, codes));
            latest.ifPresent(id -> fromLatest += addTiers(tiers, id, scope, codes));
            List<Organization> computed = orgs.stream()
                    .filter(o -> !tiers.containsKey(o.code()) && data.facts(o.code(), before) != null)
                    .toList();
            if (!computed.isEmpty()) {
                loader.addMembers(data, before, scope);
                PreviousGrades grades = evaluator.previousOnTheFly(data, period, computed);
                computed.forEach(o -> grades.tierOf(o.code()).ifPresent(t -> tiers.put(o.code(), t)));
                onTheFly += computed.size();
            }
            return PreviousGrades.of(tiers);
        }

        /** Where the tiers came from, e.g. {@code 2025: published #3, on the fly 2}. */
        String source() {
            List<String> sources = new ArrayList<>();
            if (fromPublished > 0) {
                sources.add("published #" + published.orElseThrow());
            }
            if (fromLatest > 0) {
                sources.add("latest #" + latest.orElseThrow());
            }
            if (onTheFly > 0) {
                sources.add("on the fly " + onTheFly);
            }
            return before + ": " + (sources.isEmpty() ? "none" : String.join(", ", sources));
        }
    }

    /** Starts resolving the previous tiers of a period's district, batch by batch. */
    Batched batched(Period period) {
        return new Batched(period);
    }

    /** Adds the tiers of the given organizations from a stored evaluation that are not there yet; returns how many. */
    private int addTiers(Map<String, Tier> tiers, long evaluationId, OrgScope scope, java.util.Set<String> codes) {
        int[] added = {0};
        evaluations.forEachTier(evaluationId, scope, (code, tier) -> {
            if (codes.contains(code) && tiers.putIfAbsent(code, Tier.valueOf(tier)) == null) {
                added[0]++;
            }
        });
        return added[0];
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
