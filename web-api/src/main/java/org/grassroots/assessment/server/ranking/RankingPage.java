package org.grassroots.assessment.server.ranking;

import java.time.LocalDate;
import java.util.List;

/**
 * A page of a ranking of one stored evaluation. {@code group} is the type or parent code when the
 * ranking is restricted to one; {@code reverse} lists from the bottom (倒排).
 */
public record RankingPage(
        long evaluationId,
        String period,
        LocalDate asOf,
        boolean published,
        RankingScope scope,
        String group,
        boolean reverse,
        int page,
        int size,
        long total,
        List<RankingEntry> entries) {
}
