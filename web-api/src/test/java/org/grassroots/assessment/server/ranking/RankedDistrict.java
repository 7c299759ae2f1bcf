package org.grassroots.assessment.server.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
import org.grassroots.assessment.server.evaluation.ApiClient;

/**
 * A synthetic district imported into a test's server and evaluated for 2025 and 2026, with the 2026
 * evaluation's whole ranking in rank order: what the ranking table's tests check their pages against.
 */
final class RankedDistrict {

    /** More rows than any district of these tests has: one page holds the whole ranking. */
    static final int ALL = 100_000;

    private final long evaluation;
    private final List<RankingEntry> whole;

    private RankedDistrict(long evaluation, List<RankingEntry> whole) {
        this.evaluation = evaluation;
        this.whole = whole;
    }

    /** Imports a district of {@code organizations} generated from {@code seed} and evaluates it. */
    static RankedDistrict evaluated(int port, RankingRepository rankings, int organizations, long seed) {
        ApiClient api = new ApiClient(port);
        ApiClient.Response imported = api.postBytes("/api/import", SyntheticBundleGenerator.bytes(organizations, seed));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        api.evaluate("2025", "2025-12-31");
        long evaluation = api.evaluate("2026", "2026-12-31");
        List<RankingEntry> whole = rankings.page(evaluation, RankingScope.ALL, null, false, 0, ALL).entries();
        assertThat(whole).hasSizeGreaterThan(100);
        return new RankedDistrict(evaluation, whole);
    }

    long evaluation() {
        return evaluation;
    }

    /** The 2026 ranking, every organization in rank order. */
    List<RankingEntry> whole() {
        return whole;
    }

    static List<String> codes(List<RankingEntry> rows) {
        return rows.stream().map(RankingEntry::code).toList();
    }

    static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
