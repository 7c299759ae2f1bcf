package org.grassroots.assessment.evaluation;

import org.grassroots.assessment.model.OrgType;

/** An evaluated organization as the ranking rules see it; {@code inspectionScore} is null when absent. */
public record RankCandidate(
        String code, OrgType type, String parentCode, double composite, double combat, Double inspectionScore) {
}
