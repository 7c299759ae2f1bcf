package org.grassroots.assessment.server.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ranking table the office's pages read ({@link RankingRepository#search}): every filter, the
 * name-or-code search with its literal wildcards, every order and the paging, checked against the
 * whole ranking of a synthetic district filtered here. The pages' browser tests click through the
 * same table; this test is what runs the table's SQL on every database the suite runs on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + RankingSearchTest.DATA_DIR, "assessment.demo=false"})
class RankingSearchTest {

    static final String DATA_DIR = "target/test-data/ranking-search";
    private static final int ALL = RankedDistrict.ALL;

    @LocalServerPort
    int port;

    @Autowired
    RankingRepository rankings;

    private static long evaluation;
    private static List<RankingEntry> whole;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    private long evaluation() {
        if (whole == null) {
            RankedDistrict district = RankedDistrict.evaluated(port, rankings, 150, 23);
            evaluation = district.evaluation();
            whole = district.whole();
        }
        return evaluation;
    }

    private static RankingSearch search(OrgType type, String parent, Tier tier, Movement movement, String text,
            RankingSort sort) {
        return new RankingSearch(type, parent, tier, movement, text, sort, 0, ALL);
    }

    /** Every page of a search, 7 rows at a time, put together. */
    private List<RankingEntry> paged(RankingSearch search) {
        List<RankingEntry> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            RankingPage p = rankings.search(evaluation(), new RankingSearch(search.type(), search.parent(),
                    search.tier(), search.movement(), search.text(), search.sort(), page, 7));
            rows.addAll(p.entries());
            if (p.entries().size() < 7) {
                assertThat(p.total()).isEqualTo(rows.size());
                return rows;
            }
        }
    }

    private static List<String> codes(List<RankingEntry> rows) {
        return RankedDistrict.codes(rows);
    }

    private List<String> expected(Predicate<RankingEntry> keep) {
        evaluation();
        return codes(whole.stream().filter(keep).toList());
    }

    @Test
    void the_ranking_order_and_its_reverse_page_by_page() {
        List<String> all = expected(e -> true);
        assertThat(codes(paged(search(null, null, null, null, null, RankingSort.RANK)))).isEqualTo(all);
        assertThat(codes(paged(search(null, null, null, null, null, RankingSort.RANK_DESC)))).isEqualTo(reversed(all));
        assertThat(paged(search(null, null, null, null, null, RankingSort.RANK)).stream()
                .map(RankingEntry::rank).toList()).isEqualTo(whole.stream().map(RankingEntry::overallRank).toList());
    }

    @Test
    void a_type_filter_keeps_the_type_and_counts_ranks_within_it() {
        for (OrgType type : whole().stream().map(RankingEntry::type).distinct().toList()) {
            List<RankingEntry> rows = paged(search(type, null, null, null, null, RankingSort.RANK));
            assertThat(codes(rows)).as(type.name()).isEqualTo(expected(e -> e.type() == type));
            Map<String, Integer> inType = ranks(rankings.page(evaluation(), RankingScope.TYPE, type.name(), false, 0, ALL));
            assertThat(rows).allSatisfy(r -> assertThat(r.rank()).isEqualTo(inType.get(r.code())));
        }
    }

    @Test
    void a_parent_filter_keeps_its_children_and_counts_ranks_within_it() {
        List<String> parents = whole().stream().map(RankingEntry::parentCode).filter(p -> p != null).distinct().toList();
        assertThat(parents).hasSizeGreaterThan(1);
        for (String parent : parents) {
            List<RankingEntry> rows = paged(search(null, parent, null, null, null, RankingSort.RANK));
            assertThat(codes(rows)).as(parent).isEqualTo(expected(e -> parent.equals(e.parentCode())));
            Map<String, Integer> inParent = ranks(rankings.page(evaluation(), RankingScope.PARENT, parent, false, 0, ALL));
            assertThat(rows).allSatisfy(r -> assertThat(r.rank()).isEqualTo(inParent.get(r.code())));
        }
    }

    @Test
    void tier_and_movement_filters_alone_and_together() {
        int nonEmpty = 0;
        for (Tier tier : Tier.values()) {
            List<String> rows = codes(paged(search(null, null, tier, null, null, RankingSort.RANK)));
            assertThat(rows).as(tier.name()).isEqualTo(expected(e -> e.tier() == tier));
            nonEmpty += rows.isEmpty() ? 0 : 1;
            for (Movement movement : Movement.values()) {
                assertThat(codes(paged(search(null, null, tier, movement, null, RankingSort.RANK))))
                        .as(tier + " " + movement)
                        .isEqualTo(expected(e -> e.tier() == tier && e.movement() == movement));
            }
        }
        assertThat(nonEmpty).as("tiers present in the district").isGreaterThan(1);
        for (Movement movement : Movement.values()) {
            assertThat(codes(paged(search(null, null, null, movement, null, RankingSort.RANK)))).as(movement.name())
                    .isEqualTo(expected(e -> e.movement() == movement));
        }
    }

    @Test
    void the_search_finds_names_and_codes_case_ignored_and_wildcards_literally() {
        RankingEntry some = whole().get(whole().size() / 2);
        String namePart = some.name().substring(1, Math.min(some.name().length(), 3));
        assertThat(codes(paged(search(null, null, null, null, namePart, RankingSort.RANK))))
                .isEqualTo(expected(e -> e.name().contains(namePart) || e.code().contains(namePart)))
                .contains(some.code());
        String codePart = some.code().substring(0, some.code().length() - 1).toLowerCase(Locale.ROOT);
        assertThat(codes(paged(search(null, null, null, null, codePart, RankingSort.RANK))))
                .isEqualTo(expected(e -> e.code().toLowerCase(Locale.ROOT).contains(codePart)
                        || e.name().toLowerCase(Locale.ROOT).contains(codePart)))
                .contains(some.code());
        assertThat(paged(search(null, null, null, null, "%", RankingSort.RANK))).isEmpty();
        assertThat(paged(search(null, null, null, null, "_", RankingSort.RANK))).isEmpty();
        assertThat(paged(search(null, null, null, null, "!", RankingSort.RANK))).isEmpty();
        assertThat(paged(search(null, null, null, null, "没有这个组织", RankingSort.RANK))).isEmpty();
        OrgType type = some.type();
        assertThat(codes(paged(search(type, null, null, null, namePart, RankingSort.RANK_DESC))))
                .isEqualTo(reversed(expected(e -> e.type() == type
                        && (e.name().contains(namePart) || e.code().contains(namePart)))));
    }

    @Test
    void code_and_name_orders_page_through_every_row_once_in_the_database_order() {
        for (RankingSort sort : List.of(RankingSort.CODE, RankingSort.NAME)) {
            List<RankingEntry> rows = paged(search(null, null, null, null, null, sort));
            List<RankingEntry> onePage = rankings.search(evaluation(), search(null, null, null, null, null, sort)).entries();
            assertThat(codes(rows)).as(sort.name()).isEqualTo(codes(onePage)).doesNotHaveDuplicates();
            assertThat(new HashSet<>(codes(rows))).isEqualTo(new HashSet<>(expected(e -> true)));
        }
        // codes are ASCII letters, digits and hyphens: every collation orders them as Java does
        List<String> byCode = codes(paged(search(null, null, null, null, null, RankingSort.CODE)));
        assertThat(byCode).isSortedAccordingTo(Comparator.naturalOrder());
        // names that repeat keep the ranking's order among themselves
        List<RankingEntry> byName = paged(search(null, null, null, null, null, RankingSort.NAME));
        Map<String, List<Integer>> ranksOfName = byName.stream().collect(Collectors.groupingBy(RankingEntry::name,
                java.util.LinkedHashMap::new, Collectors.mapping(RankingEntry::overallRank, Collectors.toList())));
        assertThat(ranksOfName.values()).allSatisfy(r -> assertThat(r).isSorted());
        int runs = 0;
        for (int i = 0; i < byName.size(); i++) {
            runs += i == 0 || !byName.get(i).name().equals(byName.get(i - 1).name()) ? 1 : 0;
        }
        assertThat(runs).as("each name in one run of rows").isEqualTo(ranksOfName.size());
    }

    @Test
    void a_page_past_the_end_is_empty_with_the_total() {
        RankingPage past = rankings.search(evaluation(), new RankingSearch(null, null, null, null, null,
                RankingSort.RANK, 1000, 50));
        assertThat(past.entries()).isEmpty();
        assertThat(past.total()).isEqualTo(whole().size());
    }

    private List<RankingEntry> whole() {
        evaluation();
        return whole;
    }

    private static Map<String, Integer> ranks(RankingPage page) {
        return page.entries().stream().collect(Collectors.toMap(RankingEntry::code, RankingEntry::rank));
    }

    private static List<String> reversed(List<String> list) {
        return RankedDistrict.reversed(list);
    }
}
