package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.finding;

import java.util.Map;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.PreviousGrades;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.VisitMode;
import org.junit.jupiter.api.Test;

/**
 * Policy section 4, movement (晋位升级) against the previous period's tier: given explicitly
 * (as a server passes the published or latest evaluation), or evaluated on the fly from the
 * bundle's facts of the previous period as of its end.
 */
class MovementRulesTest {

    /** GOOD (composite 88.5) in 2026. */
    private static PolicyHarness good() {
        return new PolicyHarness().org("O1", OrgType.VILLAGE, "2026");
    }

    /** ADVANCED (composite 91) in 2026. */
    private static PolicyHarness advanced() {
        return new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            return f;
        });
    }

    /** WEAK (W-01) in 2026. */
    private static PolicyHarness weak() {
        return new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.secretaryVacantMonths = 6;
            return f;
        });
    }

    private static OrganizationResult against(PolicyHarness h, Tier previous) {
        return h.evaluate("2026", "2026-12-31", PreviousGrades.of(Map.of("O1", previous))).organizations().get(0);
    }

    // ── previous tier given ──────────────────────────────────────────────────────────────────

    @Test
    void new_without_a_previous_tier() {
        OrganizationResult r = good().evaluate("2026", "2026-12-31", PreviousGrades.NONE).organizations().get(0);
        assertThat(r.movement()).isEqualTo(Movement.NEW);
    }

    @Test
    void new_when_the_previous_grades_hold_only_other_organizations() {
        OrganizationResult r = good().evaluate("2026", "2026-12-31", PreviousGrades.of(Map.of("X9", Tier.WEAK)))
                .organizations().get(0);
        assertThat(r.movement()).isEqualTo(Movement.NEW);
    }

    @Test
    void converted_from_weak_to_good() {
        assertThat(against(good(), Tier.WEAK).movement()).isEqualTo(Movement.CONVERTED);
    }

    @Test
    void converted_from_weak_to_advanced_is_not_upgraded() {
        assertThat(against(advanced(), Tier.WEAK).movement()).isEqualTo(Movement.CONVERTED);
    }

    @Test
    void unchanged_weak_to_weak() {
        assertThat(against(weak(), Tier.WEAK).movement()).isEqualTo(Movement.UNCHANGED);
    }

    @Test
    void upgraded_from_average_to_good() {
        assertThat(against(good(), Tier.AVERAGE).movement()).isEqualTo(Movement.UPGRADED);
    }

    @Test
    void upgraded_from_good_to_advanced() {
        assertThat(against(advanced(), Tier.GOOD).movement()).isEqualTo(Movement.UPGRADED);
    }

    @Test
    void downgraded_from_advanced_to_good() {
        assertThat(against(good(), Tier.ADVANCED).movement()).isEqualTo(Movement.DOWNGRADED);
    }

    @Test
    void downgraded_from_average_to_weak() {
        assertThat(against(weak(), Tier.AVERAGE).movement()).isEqualTo(Movement.DOWNGRADED);
    }

    @Test
    void unchanged_good_to_good() {
        assertThat(against(good(), Tier.GOOD).movement()).isEqualTo(Movement.UNCHANGED);
    }

    @Test
    void unchanged_advanced_to_advanced() {
        assertThat(against(advanced(), Tier.ADVANCED).movement()).isEqualTo(Movement.UNCHANGED);
    }

    @Test
    void movement_compares_the_tier_after_the_g01_cap() {
        // would be ADVANCED, capped to GOOD by an open MAJOR finding: unchanged against GOOD
        PolicyHarness h = advanced().visit("A", "O1", "2026-12-28", VisitMode.OPEN, finding("C03"));
        assertThat(against(h, Tier.GOOD).movement()).isEqualTo(Movement.UNCHANGED);
    }

    // ── previous period on the fly from the bundle's facts ───────────────────────────────────

    @Test
    void on_the_fly_new_without_facts_for_the_previous_period() {
        assertThat(good().result("O1", "2026").movement()).isEqualTo(Movement.NEW);
    }

    @Test
    void on_the_fly_converted_from_a_weak_2025() {
        PolicyHarness h = good().org("O1", OrgType.VILLAGE, "2025", f -> {
            f.secretaryVacantMonths = 6;
            return f;
        });
        assertThat(h.result("O1", "2026").movement()).isEqualTo(Movement.CONVERTED);
    }

    @Test
    void on_the_fly_upgraded_from_a_good_2025() {
        PolicyHarness h = advanced().org("O1", OrgType.VILLAGE, "2025");
        assertThat(h.result("O1", "2026").movement()).isEqualTo(Movement.UPGRADED);
    }

    @Test
    void on_the_fly_downgraded_from_an_advanced_2025() {
        PolicyHarness h = good().org("O1", OrgType.VILLAGE, "2025", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            return f;
        });
        assertThat(h.result("O1", "2026").movement()).isEqualTo(Movement.DOWNGRADED);
    }

    @Test
    void on_the_fly_unchanged_from_a_good_2025() {
        PolicyHarness h = good().org("O1", OrgType.VILLAGE, "2025");
        assertThat(h.result("O1", "2026").movement()).isEqualTo(Movement.UNCHANGED);
    }

    @Test
    void on_the_fly_each_organization_against_its_own_previous_facts() {
        PolicyHarness h = good().org("O2", OrgType.ORGAN, "2026").org("O2", OrgType.ORGAN, "2025", f -> {
            f.secretaryVacantMonths = 6;
            return f;
        });
        EvaluationResult result = h.evaluate("2026");
        assertThat(result.organizations()).extracting(OrganizationResult::code, OrganizationResult::movement)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("O1", Movement.NEW),
                        org.assertj.core.groups.Tuple.tuple("O2", Movement.CONVERTED));
    }

    @Test
    void on_the_fly_the_previous_period_is_evaluated_as_of_its_own_end() {
        // a CRITICAL finding of 2025-12-28 is due 2026-01-04: not overdue as of 2025-12-31 (2025 GOOD),
        // overdue as of 2026-12-31 (W-09, 2026 WEAK)
        PolicyHarness h = good().org("O1", OrgType.VILLAGE, "2025")
                .visit("A", "O1", "2025-12-28", VisitMode.OPEN, finding("C04"));
        OrganizationResult r = h.result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.WEAK);
        assertThat(r.movement()).isEqualTo(Movement.DOWNGRADED);
    }

    @Test
    void on_the_fly_a_finding_after_the_previous_period_does_not_exist_for_it() {
        // an open MAJOR finding of 2026-01-05 does not exist for 2025 as of 2025-12-31, so 2025 is ADVANCED
        // (were it seen, G-01 would cap 2025 to GOOD); 2026 is GOOD: CB-05 22, CB-06 0 (overdue),
        // 28 + 25 + 0.40 × 77 = 83.8
        PolicyHarness h = advanced().org("O1", OrgType.VILLAGE, "2025", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            return f;
        }).visit("A", "O1", "2026-01-05", VisitMode.OPEN, finding("C03"));
        OrganizationResult r = h.result("O1", "2026");
        assertThat(r.composite()).isEqualTo(83.8);
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
        assertThat(r.movement()).isEqualTo(Movement.DOWNGRADED);
    }

    // ── quarters: the previous period of 2026-Q1 is 2025-Q4 ──────────────────────────────────

    @Test
    void quarterly_2026_q1_is_compared_with_2025_q4() {
        PolicyHarness h = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026-Q1").org("O1", OrgType.VILLAGE,
                "2025-Q4", f -> {
                    f.secretaryVacantMonths = 6;
                    return f;
                });
        assertThat(h.result("O1", "2026-Q1").movement()).isEqualTo(Movement.CONVERTED);
    }

    @Test
    void quarterly_2026_q1_is_not_compared_with_the_year_2025() {
        PolicyHarness h = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026-Q1").org("O1", OrgType.VILLAGE,
                "2025", f -> {
                    f.secretaryVacantMonths = 6;
                    return f;
                });
        assertThat(h.result("O1", "2026-Q1").movement()).isEqualTo(Movement.NEW);
    }

    @Test
    void quarterly_2026_q2_is_compared_with_2026_q1() {
        PolicyHarness h = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026-Q2").org("O1", OrgType.VILLAGE,
                "2026-Q1", f -> {
                    f.demonstrationLevel = DemonstrationLevel.CITY;
                    return f;
                });
        assertThat(h.result("O1", "2026-Q2").movement()).isEqualTo(Movement.DOWNGRADED);
    }

    @Test
    void the_year_2026_is_not_compared_with_2025_q4() {
        PolicyHarness h = good().org("O1", OrgType.VILLAGE, "2025-Q4", f -> {
            f.secretaryVacantMonths = 6;
            return f;
        });
        assertThat(h.result("O1", "2026").movement()).isEqualTo(Movement.NEW);
    }
}
