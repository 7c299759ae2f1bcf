package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.RectificationLever;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.evaluation.UpgradeLever;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.upgrade.UpgradePath;
import org.grassroots.assessment.upgrade.UpgradePathFinder;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 section 1, acceptance: for every organization of the demo district and of a generated
 * 1,000-organization district, a path found is applied to the facts and evaluated independently (a
 * bundle of that organization alone, both periods) and gives the promised tier; removing any one
 * change no longer reaches it; an organization without a path does not reach the target even with
 * every fact the UP rules allow at its bound and every item they allow submitted, and the weak triggers
 * its reason names still hold then. A rectification change (UP-08) is applied as the bundle's ledger
 * state of the finding: SUBMITTED on the date the rule gives. The generated district has organizations
 * held by W-09 (整改不力), and some of them get their path through submitting the item.
 */
class UpgradePathTest {

    private static final Period PERIOD = Period.parse("2026");
    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @Test
    void every_path_of_the_demo_district_holds_and_is_minimal() throws Exception {
        Counts counts = check(read(Fixtures.demoDistrict()));
        assertThat(counts.reachable.get()).as("organizations with a path").isGreaterThan(0);
    }

    @Test
    void every_path_of_a_generated_1000_organization_district_holds_and_is_minimal() throws Exception {
        Bundle bundle = read(new ByteArrayInputStream(SyntheticBundleGenerator.bytes(1000, 42)));
        long heldByW09 = new Evaluator(PolicyHarness.rules()).evaluate(new BundleData(bundle), PERIOD, AS_OF)
                .organizations().stream().filter(r -> r.weakTriggers().contains("W-09")).count();
        assertThat(heldByW09).as("organizations held by W-09").isGreaterThan(0);
        Counts counts = check(bundle);
        assertThat(counts.reachable.get()).as("organizations with a path").isGreaterThan(100);
        assertThat(counts.unreachable.get()).as("organizations without one").isGreaterThan(0);
        assertThat(counts.throughRectification.get()).as("paths that submit a rectification item").isGreaterThan(0);
    }

    private static Bundle read(InputStream in) throws Exception {
        try (in) {
            return new BundleReader().read(in);
        }
    }

    private record Counts(AtomicInteger reachable, AtomicInteger unreachable, AtomicInteger throughRectification) {
    }

    private static Counts check(Bundle bundle) {
        Evaluator evaluator = new Evaluator(PolicyHarness.rules());
        UpgradePathFinder finder = new UpgradePathFinder(evaluator);
        BundleData data = new BundleData(bundle);
        Map<String, List<UpgradeLever>> levers = new HashMap<>();
        Map<String, Map<String, RectificationLever>> submissions = new HashMap<>();
        Evaluator.UpgradeLevers within = evaluator.upgradeLevers(data, PERIOD, AS_OF, data.organizationsWithFacts(PERIOD));
        for (UpgradeLever l : within.levers()) {
            levers.computeIfAbsent(l.orgCode(), k -> new ArrayList<>()).add(l);
        }
        for (RectificationLever r : within.submissions()) {
            submissions.computeIfAbsent(r.orgCode(), k -> new HashMap<>()).put(UpgradePathFinder.fact(data, r), r);
        }
        Counts counts = new Counts(new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        data.organizationsWithFacts(PERIOD).parallelStream().forEach(org -> {
            UpgradePath p = finder.find(data, org.code(), PERIOD, AS_OF, null);
            PeriodFacts facts = data.facts(org.code(), PERIOD);
            if (p.target() == p.fromTier()) {
                assertThat(p.fromTier()).isEqualTo(Tier.ADVANCED);
                return;
            }
            assertThat(p.target()).as(org.code()).isEqualTo(Tier.values()[p.fromTier().ordinal() + 1]);
            if (p.reachable()) {
                counts.reachable.incrementAndGet();
                assertThat(p.changes()).as(org.code()).isNotEmpty();
                Map<String, Double> changes = new HashMap<>();
                Map<String, RectificationLever> submitted = new HashMap<>();
                for (UpgradePath.Change c : p.changes()) {
                    if (c.fact().startsWith(UpgradePathFinder.RECTIFICATION)) {
                        RectificationLever r = submissions.getOrDefault(org.code(), Map.of()).get(c.fact());
                        assertThat(r).as(org.code() + ": no lever for " + c.fact()).isNotNull();
                        assertThat(c.from()).as(org.code() + " " + c.fact()).isEqualTo(RectificationStatus.OPEN);
                        assertThat(c.to()).as(org.code() + " " + c.fact()).isEqualTo(RectificationStatus.SUBMITTED);
                        assertThat(c.rules()).as(org.code() + " " + c.fact()).isNotEmpty();
                        submitted.put(c.fact(), r);
                        continue;
                    }
                    UpgradeLever l = levers.get(org.code()).stream().filter(x -> x.fact().equals(c.fact()))
                            .findFirst().orElseThrow(() -> new AssertionError(org.code() + ": no lever for " + c.fact()));
                    assertThat(number(c.from())).as(org.code() + " " + c.fact()).isEqualTo(l.current());
                    double to = number(c.to());
                    assertThat(to).as(org.code() + " " + c.fact() + " within its bound")
                            .isBetween(Math.min(l.current(), l.reach()) - 1e-9, Math.max(l.current(), l.reach()) + 1e-9);
                    changes.put(c.fact(), to);
                    assertThat(c.rules()).as(org.code() + " " + c.fact()).isNotEmpty();
                }
                if (!submitted.isEmpty()) {
                    counts.throughRectification.incrementAndGet();
                }
                OrganizationResult applied = alone(evaluator, bundle, org, UpgradePathFinder.apply(facts, changes),
                        submitted.values());
                assertThat(applied.tier()).as(org.code() + " with " + changes + " " + submitted.keySet())
                        .isEqualTo(p.resultTier());
                assertThat(applied.tier()).as(org.code()).isGreaterThanOrEqualTo(p.target());
                assertThat(applied.composite()).as(org.code()).isEqualTo(p.resultComposite());
                for (String fact : changes.keySet()) {
                    Map<String, Double> without = new HashMap<>(changes);
                    without.remove(fact);
                    OrganizationResult less = alone(evaluator, bundle, org, UpgradePathFinder.apply(facts, without),
                            submitted.values());
                    assertThat(less.tier()).as(org.code() + " without " + fact).isLessThan(p.target());
                }
                for (String item : submitted.keySet()) {
                    Map<String, RectificationLever> without = new HashMap<>(submitted);
                    without.remove(item);
                    OrganizationResult less = alone(evaluator, bundle, org, UpgradePathFinder.apply(facts, changes),
                            without.values());
                    assertThat(less.tier()).as(org.code() + " without " + item).isLessThan(p.target());
                }
            } else {
                counts.unreachable.incrementAndGet();
                assertThat(p.changes()).isEmpty();
                Map<String, Double> all = new HashMap<>();
                levers.getOrDefault(org.code(), List.of()).forEach(l -> all.put(l.fact(), l.reach()));
                OrganizationResult best = alone(evaluator, bundle, org, UpgradePathFinder.apply(facts, all),
                        submissions.getOrDefault(org.code(), Map.of()).values());
                assertThat(best.tier()).as(org.code() + " with everything within reach").isLessThan(p.target());
                assertThat(p.reason()).as(org.code()).startsWith("本期内无法达到" + p.target().label());
                for (String trigger : best.weakTriggers()) {
                    assertThat(p.reason()).as(org.code() + " names what stays").contains(trigger);
                }
                assertThat(p.reason()).as(org.code()).contains("定级仍为" + best.tier().label());
            }
        });
        return counts;
    }

    private static double number(Object value) {
        return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
    }

    /**
     * The organization evaluated from a bundle of its own records, its facts of the period replaced and
     * the items of the levers submitted (the finding's ledger state SUBMITTED on the lever's date).
     */
    private static OrganizationResult alone(Evaluator evaluator, Bundle bundle, Organization org, PeriodFacts facts,
            java.util.Collection<RectificationLever> submit) {
        String code = org.code();
        List<PeriodFacts> periodFacts = new ArrayList<>();
        for (PeriodFacts f : bundle.periodFacts()) {
            if (f.orgCode().equals(code)) {
                periodFacts.add(f.period().equals(PERIOD.toString()) ? facts : f);
            }
        }
        Bundle own = new Bundle(List.of(org), periodFacts,
                bundle.members().stream().filter(m -> m.orgCode().equals(code)).toList(),
                bundle.visits().stream().filter(v -> v.orgCode().equals(code)).map(v -> submitted(v, submit)).toList());
        return evaluator.evaluate(new BundleData(own), PERIOD, AS_OF).organizations().get(0);
    }

    private static Visit submitted(Visit v, java.util.Collection<RectificationLever> submit) {
        List<Finding> findings = new ArrayList<>(v.findings());
        for (RectificationLever r : submit) {
            if (r.visitId().equals(v.visitId())) {
                Finding f = findings.get(r.position());
                findings.set(r.position(), new Finding(f.item(), f.severity(), f.deduction(), f.note(), f.evidence(),
                        new ImportedRectification(RectificationStatus.SUBMITTED, r.submitOn(), null)));
            }
        }
        return new Visit(v.visitId(), v.orgCode(), v.date(), v.mode(), v.team(), v.inspectors(), v.location(), findings);
    }
}
