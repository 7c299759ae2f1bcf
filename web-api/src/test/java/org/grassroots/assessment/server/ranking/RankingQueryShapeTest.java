package org.grassroots.assessment.server.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.server.DatabaseUnderTest;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.grassroots.assessment.server.organization.OrganizationRepository;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ranking table's queries as they are shaped for a large district (a page's keys read from an
 * index first, the organization table joined only for a search or the name order, counts kept per
 * evaluation): every sort with every combination of filters and a search, deep pages, the reverse
 * rankings per scope and the counts, checked against the whole ranking in rank order filtered and
 * ordered here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + RankingQueryShapeTest.DATA_DIR, "assessment.demo=false"})
class RankingQueryShapeTest {

    static final String DATA_DIR = "target/test-data/ranking-query-shape";
    private static final int ALL = RankedDistrict.ALL;

    @LocalServerPort
    int port;

    @Autowired
    RankingRepository rankings;
    @Autowired
    OrganizationRepository organizations;
    @Autowired
    JdbcClient jdbc;

    private static RankedDistrict district;
    private static long evaluation;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    private List<RankingEntry> whole() {
        if (district == null) {
            district = RankedDistrict.evaluated(port, rankings, 160, 31);
            evaluation = district.evaluation();
        }
        return district.whole();
    }

    private long evaluation() {
        whole();
        return evaluation;
    }

    /** Every page of a search, {@code size} rows at a time, put together; each page's total checked. */
    private List<RankingEntry> paged(RankingSearch search, int size) {
        List<RankingEntry> rows = new ArrayList<>();
        long total = -1;
        for (int page = 0; ; page++) {
            RankingPage p = rankings.search(evaluation, new RankingSearch(search.type(), search.parent(),
                    search.tier(), search.movement(), search.text(), search.sort(), page, size));
            assertThat(p.entries()).doesNotContainNull();
            total = page == 0 ? p.total() : total;
            assertThat(p.total()).isEqualTo(total);
            rows.addAll(p.entries());
            if (p.entries().size() < size) {
                assertThat(total).isEqualTo(rows.size());
                return rows;
            }
        }
    }

    private static List<String> codes(List<RankingEntry> rows) {
        return RankedDistrict.codes(rows);
    }

    /** The rows kept, in the order asked for (the ranking's order within equal names). */
    private List<String> expected(Predicate<RankingEntry> keep, RankingSort sort) {
        List<RankingEntry> rows = new ArrayList<>(whole().stream().filter(keep).toList());
        if (sort == RankingSort.RANK_DESC) {
            rows = RankedDistrict.reversed(rows);
        } else if (sort == RankingSort.CODE) {
            rows.sort(Comparator.comparing(RankingEntry::code));
        } else if (sort == RankingSort.NAME) {
            rows.sort(Comparator.comparing(RankingEntry::name)); // stable: the ranking's order within a name
        }
        return codes(rows);
    }

    @Test
    void the_whole_ranking_is_in_rank_order() {
        assertThat(whole()).extracting(RankingEntry::overallRank).isSorted();
        assertThat(codes(paged(new RankingSearch(null, null, null, null, null, RankingSort.RANK, 0, 1), 50)))
                .isEqualTo(codes(whole()));
    }

    @Test
    void every_sort_with_every_kind_of_filter_and_the_search_gives_the_same_rows() {
        RankingEntry some = whole().get(whole().size() / 3);
        String parent = some.parentCode();
        String text = some.name().substring(1, Math.min(some.name().length(), 3)).toUpperCase(Locale.ROOT);
        String lower = text.toLowerCase(Locale.ROOT);
        Predicate<RankingEntry> found = e -> e.name().toLowerCase(Locale.ROOT).contains(lower)
                || e.code().toLowerCase(Locale.ROOT).contains(lower);
        int nonEmpty = 0;
        for (RankingSort sort : RankingSort.values()) {
            // names sort by the database's collation: compared as sets and runs below
            boolean exact = sort != RankingSort.NAME;
            for (int f = 0; f < 32; f++) {
                OrgType type = (f & 1) != 0 ? some.type() : null;
                String inParent = (f & 2) != 0 ? parent : null;
                Tier tier = (f & 4) != 0 ? some.tier() : null;
                Movement movement = (f & 8) != 0 ? some.movement() : null;
                String q = (f & 16) != 0 ? text : null;
                Predicate<RankingEntry> keep = e -> (type == null || e.type() == type)
                        && (inParent == null || inParent.equals(e.parentCode()))
                        && (tier == null || e.tier() == tier) && (movement == null || e.movement() == movement)
                        && (q == null || found.test(e));
                List<String> rows = codes(paged(new RankingSearch(type, inParent, tier, movement, q, sort, 0, 1), 6));
                String what = sort + " " + type + " " + inParent + " " + tier + " " + movement + " " + q;
                if (exact) {
                    assertThat(rows).as(what).isEqualTo(expected(keep, sort));
                } else {
                    assertThat(rows).as(what).containsExactlyInAnyOrderElementsOf(expected(keep, sort));
                }
                nonEmpty += rows.isEmpty() ? 0 : 1;
            }
        }
        // the organization the filters and the search are taken from is found by every one of them
        assertThat(nonEmpty).as("searches that found rows").isEqualTo(RankingSort.values().length * 32);
    }

    /**
     * A page's rows are looked up organization by organization through the primary key, whatever the
     * evaluation's size: the rows the database reads (H2's count of them, {@code explain analyze}) are
     * the page's, not the evaluation's results (before, {@code evaluation_id = ? and key in (…)} read
     * every one of them: H2 takes an IN list as an index condition only on an index's first column).
     */
    @Test
    void a_pages_rows_are_read_by_their_organizations_not_by_reading_the_evaluation() {
        Assumptions.assumeFalse(DatabaseUnderTest.postgresql(), "H2's count of the rows a statement read");
        long results = jdbc.sql("select count(*) from evaluation_result where evaluation_id = ?").param(evaluation())
                .query(Long.class).single();
        List<Object> codes = new ArrayList<>(codes(whole().subList(40, 47)));
        List<Object> args = new ArrayList<>();
        codes.forEach(code -> args.addAll(List.of(code, evaluation)));
        String statement = RankingRepository.rowsOfOrganizations(codes.size());
        assertThat(jdbc.sql(statement).params(args).query((rs, n) -> rs.getObject(5)).list())
                .containsExactlyInAnyOrderElementsOf(codes);
        String plan = jdbc.sql("explain analyze " + statement).params(args).query(String.class).single();
        Matcher counts = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        long read = 0;
        while (counts.find()) {
            read += Long.parseLong(counts.group(1));
        }
        assertThat(read).as(plan).isPositive().isLessThanOrEqualTo(2L * codes.size()).isLessThan(results);
    }

    @Test
    void a_deep_page_is_the_slice_of_the_ranking_and_its_reverse() {
        int size = 9;
        int page = whole().size() / size - 1;
        RankingPage deep = rankings.search(evaluation, new RankingSearch(null, null, null, null, null,
                RankingSort.RANK, page, size));
        assertThat(codes(deep.entries())).isEqualTo(codes(whole().subList(page * size, page * size + size)));
        assertThat(deep.entries()).extracting(RankingEntry::rank)
                .isEqualTo(whole().subList(page * size, page * size + size).stream()
                        .map(RankingEntry::overallRank).toList());
        RankingPage reverse = rankings.search(evaluation, new RankingSearch(null, null, null, null, null,
                RankingSort.RANK_DESC, page, size));
        List<RankingEntry> back = RankedDistrict.reversed(whole());
        assertThat(codes(reverse.entries())).isEqualTo(codes(back.subList(page * size, page * size + size)));
        RankingPage past = rankings.search(evaluation, new RankingSearch(null, null, null, null, "没有这个组织",
                RankingSort.RANK, 3, size));
        assertThat(past.entries()).isEmpty();
        assertThat(past.total()).isZero();
    }

    @Test
    void counts_are_those_of_the_filters_every_time_they_are_asked() {
        for (int round = 0; round < 2; round++) {
            assertThat(rankings.search(evaluation(), new RankingSearch(null, null, null, null, null,
                    RankingSort.RANK, 0, 5)).total()).isEqualTo(whole().size());
            for (OrgType type : OrgType.values()) {
                assertThat(rankings.search(evaluation, new RankingSearch(type, null, null, null, null,
                        RankingSort.CODE, 1, 5)).total()).as(type.name())
                        .isEqualTo(whole().stream().filter(e -> e.type() == type).count());
            }
            for (Tier tier : Tier.values()) {
                assertThat(rankings.search(evaluation, new RankingSearch(null, null, tier, null, null,
                        RankingSort.RANK_DESC, 0, 5)).total()).as(tier.name())
                        .isEqualTo(whole().stream().filter(e -> e.tier() == tier).count());
            }
        }
    }

    @Test
    void a_search_counts_the_organizations_names_as_they_stand_when_one_is_renamed() {
        RankingEntry some = whole().get(whole().size() / 4);
        String text = "改名后";
        RankingSearch search = new RankingSearch(null, null, null, null, text, RankingSort.RANK, 0, 5);
        RankingSearch inType = new RankingSearch(some.type(), null, null, null, text, RankingSort.CODE, 0, 5);
        assertThat(rankings.search(evaluation(), search).total()).isZero();
        assertThat(rankings.search(evaluation, inType).total()).isZero();
        Organization before = organizations.find(some.code()).orElseThrow();
        organizations.upsert(List.of(new Organization(before.code(), before.name() + text, before.type(),
                before.level(), before.parentCode(), before.enterpriseCategory(), before.hasPartyGroups(),
                before.location())), OffsetDateTime.now());
        try {
            // the counts kept for the names before the rename are not those of the names now
            RankingPage found = rankings.search(evaluation, search);
            assertThat(codes(found.entries())).containsExactly(some.code());
            assertThat(found.total()).isEqualTo(1);
            assertThat(rankings.search(evaluation, inType).total()).isEqualTo(1);
        } finally {
            organizations.upsert(List.of(before), OffsetDateTime.now());
        }
        assertThat(rankings.search(evaluation, search).total()).isZero();
        assertThat(rankings.search(evaluation, search).entries()).isEmpty();
    }

    @Test
    void the_rankings_per_scope_read_backwards_are_the_forward_ones_reversed() {
        String parent = whole().get(0).parentCode();
        OrgType type = whole().get(0).type();
        for (RankingScope scope : RankingScope.values()) {
            for (String group : scope == RankingScope.ALL ? java.util.Arrays.asList((String) null)
                    : java.util.Arrays.asList(null, scope == RankingScope.TYPE ? type.name() : parent)) {
                List<String> forward = codes(rankings.page(evaluation(), scope, group, false, 0, ALL).entries());
                List<String> backward = new ArrayList<>();
                for (int page = 0; ; page++) {
                    List<RankingEntry> rows = rankings.page(evaluation, scope, group, true, page, 11).entries();
                    backward.addAll(codes(rows));
                    if (rows.size() < 11) {
                        break;
                    }
                }
                assertThat(forward).as(scope + " " + group).isNotEmpty().hasSameSizeAs(backward);
                if (group != null || scope == RankingScope.ALL) {
                    assertThat(backward).as(scope + " " + group).isEqualTo(RankedDistrict.reversed(forward));
                } else {
                    assertThat(backward).as(scope + " " + group).containsExactlyInAnyOrderElementsOf(forward);
                }
            }
        }
    }
}
