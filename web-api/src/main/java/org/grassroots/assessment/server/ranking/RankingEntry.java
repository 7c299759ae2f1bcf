package org.grassroots.assessment.server.ranking;

import java.util.List;
import org.grassroots.assessment.evaluation.Flag;
import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.evaluation.OrgTitle;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.OrgType;

/** One organization's place in a ranking: {@code rank} within the group, {@code overallRank} among all. */
public record RankingEntry(
        int rank,
        int overallRank,
        String code,
        String name,
        OrgType type,
        String parentCode,
        double composite,
        double cohesion,
        double charisma,
        double combat,
        Double inspectionScore,
        Tier tier,
        List<String> weakTriggers,
        List<OrgTitle> titles,
        List<Flag> flags,
        Movement movement) {
}
