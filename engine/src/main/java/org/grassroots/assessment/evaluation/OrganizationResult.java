package org.grassroots.assessment.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.OrgType;

/**
 * One organization's result (docs/formats.md section 2). {@code reasons} explains each trigger,
 * title and flag by its id; {@code visits} lists the scores of its visits up to the as-of date.
 */
public record OrganizationResult(
        String code,
        String name,
        OrgType type,
        String parentCode,
        int rank,
        double cohesion,
        double charisma,
        double combat,
        double composite,
        Double inspectionScore,
        Tier tier,
        List<String> weakTriggers,
        List<OrgTitle> titles,
        List<Flag> flags,
        Movement movement,
        List<ExplanationLine> explanation,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int rankInType,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int rankInParent,
        Map<String, String> reasons,
        List<VisitResult> visits) {

    public OrganizationResult {
        weakTriggers = List.copyOf(weakTriggers);
        titles = List.copyOf(titles);
        flags = List.copyOf(flags);
        explanation = List.copyOf(explanation);
        // sorted: Map.copyOf iterates in an order that changes from one JVM to the next, and so did the JSON
        reasons = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(reasons));
        visits = List.copyOf(visits);
    }

    OrganizationResult ranked(int rank, int rankInType, int rankInParent, List<Flag> flags, Map<String, String> reasons) {
        return new OrganizationResult(code, name, type, parentCode, rank, cohesion, charisma, combat, composite,
                inspectionScore, tier, weakTriggers, titles, flags, movement, explanation, rankInType, rankInParent,
                reasons, visits);
    }
}
