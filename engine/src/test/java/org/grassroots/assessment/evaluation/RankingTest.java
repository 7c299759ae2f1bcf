package org.grassroots.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.grassroots.assessment.model.OrgType;
import org.junit.jupiter.api.Test;

class RankingTest {

    /** Higher composite first; the rules supply the real order, this one is enough to test counting. */
    private static final Comparator<RankCandidate> BY_COMPOSITE = (a, b) -> Double.compare(b.composite(), a.composite());

    private static RankCandidate c(String code, OrgType type, String parent, double composite) {
        return new RankCandidate(code, type, parent, composite, 50, null);
    }

    @Test
    void ties_share_a_rank_and_the_next_rank_skips() {
        List<RankCandidate> all = List.of(c("D", OrgType.VILLAGE, "T", 70), c("B", OrgType.VILLAGE, "T", 80),
                c("C", OrgType.ORGAN, "U", 80), c("A", OrgType.VILLAGE, "T", 90));
        List<Rank> ranks = Ranking.competition(all, RankScope.ALL, BY_COMPOSITE);
        assertThat(ranks).extracting(Rank::orgCode, Rank::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", 1),
                        org.assertj.core.groups.Tuple.tuple("B", 2),
                        org.assertj.core.groups.Tuple.tuple("C", 2),
                        org.assertj.core.groups.Tuple.tuple("D", 4));
    }

    @Test
    void ranks_count_within_each_type_and_parent() {
        List<RankCandidate> all = List.of(c("A", OrgType.VILLAGE, "T", 90), c("B", OrgType.ORGAN, "T", 95),
                c("C", OrgType.VILLAGE, "U", 85), c("D", OrgType.VILLAGE, null, 99));
        assertThat(Ranking.competition(all, RankScope.TYPE, BY_COMPOSITE))
                .extracting(r -> r.orgCode() + "@" + r.group() + "#" + r.rank())
                .containsExactlyInAnyOrder("B@ORGAN#1", "D@VILLAGE#1", "A@VILLAGE#2", "C@VILLAGE#3");
        assertThat(Ranking.competition(all, RankScope.PARENT, BY_COMPOSITE))
                .extracting(r -> r.orgCode() + "@" + r.group() + "#" + r.rank())
                .containsExactlyInAnyOrder("D@#1", "B@T#1", "A@T#2", "C@U#1");
    }

    @Test
    void the_lowest_include_everyone_tied_with_the_highest_placed_of_them() {
        List<RankCandidate> sorted = List.of(c("A", OrgType.VILLAGE, "T", 90), c("B", OrgType.VILLAGE, "T", 60),
                c("C", OrgType.VILLAGE, "T", 60), c("D", OrgType.VILLAGE, "T", 50));
        assertThat(Ranking.lowest(sorted, 1, BY_COMPOSITE)).extracting(RankCandidate::code).containsExactly("D");
        assertThat(Ranking.lowest(sorted, 2, BY_COMPOSITE)).extracting(RankCandidate::code)
                .containsExactly("B", "C", "D");
        assertThat(Ranking.lowest(sorted, 0, BY_COMPOSITE)).isEmpty();
    }
}
