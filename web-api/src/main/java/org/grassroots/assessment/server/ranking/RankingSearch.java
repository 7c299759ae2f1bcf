package org.grassroots.assessment.server.ranking;

import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.OrgType;

/**
 * What a ranking table on the pages shows: filters (null for any), a name or code to look for, an
 * order and a page. With a type the ranks are counted within the type; with a parent (and no type),
 * within the parent (policy section 6).
 */
public record RankingSearch(OrgType type, String parent, Tier tier, Movement movement, String text,
        RankingSort sort, int page, int size) {

    public RankingSearch {
        parent = parent == null || parent.isBlank() ? null : parent.strip();
        text = text == null || text.isBlank() ? null : text.strip();
        sort = sort == null ? RankingSort.RANK : sort;
        page = Math.max(0, page);
        size = Math.max(1, size);
    }

    /** Which rank the rows carry: within the type, within the parent, or overall. */
    public RankingScope scope() {
        return type != null ? RankingScope.TYPE : parent != null ? RankingScope.PARENT : RankingScope.ALL;
    }

    public RankingSearch onPage(int other) {
        return new RankingSearch(type, parent, tier, movement, text, sort, other, size);
    }
}
