package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.Dimension;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ExplanationLine;
import org.grassroots.assessment.evaluation.Flag;
import org.grassroots.assessment.evaluation.OrgTitle;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.evaluation.Rounding;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.RectificationStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Properties that hold for every evaluation, checked over generated bundles. */
class GeneratedBundlePropertiesTest {

    private static final List<String> ONE_LINE_EACH = List.of("CO-01", "CO-02", "CO-03", "CO-04", "CH-01", "CH-02",
            "CH-03", "CH-04", "CB-01", "CB-02", "CB-03", "CB-04", "CB-05", "CB-06");

    private static EvaluationResult evaluate(Bundle bundle, String period, String asOf, int threads, int batch) {
        return new Evaluator(PolicyHarness.rules(), threads, batch)
                .evaluate(new BundleData(bundle), Period.parse(period), LocalDate.parse(asOf));
    }

    @ParameterizedTest(name = "seed {0}, {1} organizations, {2} as of {3}")
    @CsvSource({
        "1, 120, 2026, 2026-11-20",
        "7, 90, 2026, 2026-06-30",
        "42, 150, 2025, 2025-12-31"})
    void every_result_is_consistent_with_the_policy(long seed, int orgs, String period, String asOf) throws Exception {
        Bundle bundle = new BundleReader().read(new ByteArrayInputStream(SyntheticBundleGenerator.bytes(orgs, seed)));
        EvaluationResult result = evaluate(bundle, period, asOf, 1, 1);

        assertThat(result.organizations()).hasSize(orgs);
        for (OrganizationResult o : result.organizations()) {
            forcesAreTheClampedSumsOfTheirLines(o);
            compositeFollowsTheForces(o);
            tierIsConsistentWithTriggersAndTitles(o);
        }
        ranksFollowTheOrder(result.organizations());
        reverseRankingFlagsTheLowestOfLargeTypes(result.organizations());
        rectificationsAreOpenOrSubmittedAndInLedgerOrder(result.rectifications(), LocalDate.parse(asOf));

        // deterministic, whatever the threads and batches: same input, same output, byte for byte
        String once = ResultJson.toJson(result);
        assertThat(ResultJson.toJson(evaluate(bundle, period, asOf, 2, 7))).isEqualTo(once);
        assertThat(ResultJson.toJson(evaluate(bundle, period, asOf, 2, 64))).isEqualTo(once);
    }

    private static void forcesAreTheClampedSumsOfTheirLines(OrganizationResult o) {
        assertThat(o.explanation()).extracting(ExplanationLine::rule)
                .as("%s: one line for each of CO-01…CB-06, in policy order", o.code())
                .containsSubsequence(ONE_LINE_EACH);
        for (String rule : ONE_LINE_EACH) {
            assertThat(o.explanation().stream().filter(l -> l.rule().equals(rule))).hasSize(1);
        }
        assertThat(o.explanation()).allSatisfy(l -> assertThat(l.reason()).isNotBlank());
        Map<Dimension, Double> sums = o.explanation().stream()
                .collect(Collectors.groupingBy(ExplanationLine::dimension, Collectors.summingDouble(ExplanationLine::points)));
        check(o.code(), "cohesion", o.cohesion(), sums.getOrDefault(Dimension.COHESION, 0.0));
        check(o.code(), "charisma", o.charisma(), sums.getOrDefault(Dimension.CHARISMA, 0.0));
        check(o.code(), "combat", o.combat(), sums.getOrDefault(Dimension.COMBAT, 0.0));
    }

    private static void check(String code, String force, double value, double sumOfLines) {
        assertThat(value).as("%s %s in [0, 100]", code, force).isBetween(0.0, 100.0);
        double expected = Math.min(100, Math.max(0, Rounding.round2(sumOfLines)));
        assertThat(value).as("%s %s = clamped sum of its lines", code, force).isEqualTo(expected);
    }

    private static void compositeFollowsTheForces(OrganizationResult o) {
        double penalties = o.explanation().stream().filter(l -> l.dimension() == Dimension.COMPOSITE)
                .mapToDouble(ExplanationLine::points).sum();
        double weighted = Rounding.round2(0.35 * o.cohesion() + 0.25 * o.charisma() + 0.40 * o.combat());
        assertThat(o.composite()).as(o.code()).isEqualTo(Rounding.round2(Math.max(0, weighted + penalties)));
    }

    private static void tierIsConsistentWithTriggersAndTitles(OrganizationResult o) {
        assertThat(o.tier() == Tier.WEAK).as("%s: WEAK iff a trigger", o.code()).isEqualTo(!o.weakTriggers().isEmpty());
        assertThat(o.weakTriggers()).as("triggers in id order").isSorted();
        if (o.tier() != Tier.WEAK) {
            Tier byComposite = o.composite() >= 90 ? Tier.ADVANCED : o.composite() >= 75 ? Tier.GOOD : Tier.AVERAGE;
            Tier expected = byComposite == Tier.ADVANCED && o.flags().contains(Flag.TIER_CAPPED) ? Tier.GOOD : byComposite;
            assertThat(o.tier()).as(o.code()).isEqualTo(expected);
        }
        if (o.flags().contains(Flag.TIER_CAPPED)) {
            assertThat(o.tier()).isEqualTo(Tier.GOOD);
            assertThat(o.composite()).isGreaterThanOrEqualTo(90);
        }
        if (o.titles().contains(OrgTitle.THREE_FORCES)) {
            assertThat(o.tier()).isEqualTo(Tier.ADVANCED);
            assertThat(List.of(o.cohesion(), o.charisma(), o.combat())).allSatisfy(f -> assertThat(f).isGreaterThanOrEqualTo(85));
        }
        if (o.titles().contains(OrgTitle.DEMONSTRATION_CANDIDATE)) {
            assertThat(o.titles()).containsExactly(OrgTitle.THREE_FORCES, OrgTitle.DEMONSTRATION_CANDIDATE);
            assertThat(o.inspectionScore()).isGreaterThanOrEqualTo(90);
        }
    }

    /** composite ↓, COMBAT ↓, inspection score ↓ (absent lowest); equal keys share a rank (1, 2, 2, 4). */
    private static final Comparator<OrganizationResult> ORDER = Comparator
            .comparingDouble(OrganizationResult::composite).reversed()
            .thenComparing(Comparator.comparingDouble(OrganizationResult::combat).reversed())
            .thenComparing(Comparator.comparingDouble((OrganizationResult o) ->
                    o.inspectionScore() == null ? Double.NEGATIVE_INFINITY : o.inspectionScore()).reversed());

    private static void ranksFollowTheOrder(List<OrganizationResult> ranked) {
        for (int i = 0; i < ranked.size(); i++) {
            OrganizationResult o = ranked.get(i);
            long better = ranked.stream().filter(other -> ORDER.compare(other, o) < 0).count();
            assertThat(o.rank()).as(o.code()).isEqualTo(better + 1);
            if (i > 0) {
                OrganizationResult before = ranked.get(i - 1);
                assertThat(ORDER.compare(before, o)).isLessThanOrEqualTo(0);
                if (ORDER.compare(before, o) == 0) {
                    assertThat(before.code()).isLessThan(o.code());
                }
            }
        }
    }

    private static void reverseRankingFlagsTheLowestOfLargeTypes(List<OrganizationResult> ranked) {
        Map<OrgType, List<OrganizationResult>> byType = ranked.stream()
                .collect(Collectors.groupingBy(OrganizationResult::type, Collectors.toList()));
        byType.forEach((type, group) -> {
            List<OrganizationResult> flagged = group.stream().filter(o -> o.flags().contains(Flag.REVERSE_RANKED)).toList();
            if (group.size() < 20) {
                assertThat(flagged).as(type + " has fewer than 20").isEmpty();
                return;
            }
            int lowest = (int) Math.ceil(group.size() * 5 / 100.0);
            List<OrganizationResult> tail = new ArrayList<>(group.subList(group.size() - lowest, group.size()));
            assertThat(flagged).as(type.name()).containsAll(tail);
            OrganizationResult highestPlaced = tail.get(0);
            for (OrganizationResult o : flagged) {
                assertThat(ORDER.compare(o, highestPlaced)).as(o.code()).isGreaterThanOrEqualTo(0);
            }
        });
        assertThat(byType.values()).as("the bundle exercises reverse ranking").anyMatch(g -> g.size() >= 20);
    }

    private static void rectificationsAreOpenOrSubmittedAndInLedgerOrder(List<RectificationItem> items, LocalDate asOf) {
        assertThat(items).isSortedAccordingTo(RectificationItem.LEDGER_ORDER);
        for (RectificationItem item : items) {
            assertThat(item.status()).isIn(RectificationStatus.OPEN, RectificationStatus.SUBMITTED);
            assertThat(item.overdue()).isEqualTo(item.status() == RectificationStatus.OPEN && item.deadline().isBefore(asOf));
            assertThat(item.description()).isNotBlank();
        }
    }
}
