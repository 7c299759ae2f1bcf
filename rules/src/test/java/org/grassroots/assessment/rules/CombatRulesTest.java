package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.finding;
import static org.grassroots.assessment.rules.PolicyHarness.other;
import static org.grassroots.assessment.rules.PolicyHarness.points;
import static org.grassroots.assessment.rules.PolicyHarness.reject;
import static org.grassroots.assessment.rules.PolicyHarness.submit;
import static org.grassroots.assessment.rules.PolicyHarness.submitted;
import static org.grassroots.assessment.rules.PolicyHarness.verified;

import java.util.function.UnaryOperator;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.rules.PolicyHarness.Facts;
import org.junit.jupiter.api.Test;

/** Policy section 3, COMBAT: CB-01 … CB-07. */
class CombatRulesTest {

    private static Double cb(OrgType type, String rule, UnaryOperator<Facts> change) {
        return points(new PolicyHarness().org("O1", type, "2026", change).result("O1", "2026"), rule);
    }

    private static Double cb(String rule, UnaryOperator<Facts> change) {
        return cb(OrgType.VILLAGE, rule, change);
    }

    /** CB-06 of V1 as of the date with one OPEN visit on 2026-03-01 holding the findings. */
    private static Double cb06(String asOf, Finding... findings) {
        return cb06(new PolicyHarness(), asOf, findings);
    }

    private static Double cb06(PolicyHarness h, String asOf, Finding... findings) {
        OrganizationResult r = h.org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-03-01", VisitMode.OPEN, findings).result("V1", "2026", asOf);
        return points(r, "CB-06");
    }

    // ── CB-01 … CB-04 ────────────────────────────────────────────────────────────────────────

    @Test
    void cb01_secretary_in_post_gives_15() {
        assertThat(cb("CB-01", f -> f)).isEqualTo(15.0);
    }

    @Test
    void cb01_secretary_vacant_one_month_gives_a_0_line() {
        assertThat(cb("CB-01", f -> {
            f.secretaryVacantMonths = 1;
            return f;
        })).isEqualTo(0.0);
    }

    @Test
    void cb02_all_seats_filled_gives_10() {
        assertThat(cb("CB-02", f -> f)).isEqualTo(10.0);
    }

    @Test
    void cb02_four_of_five_seats_give_8() {
        assertThat(cb("CB-02", f -> {
            f.committeeSeatsFilled = 4;
            return f;
        })).isEqualTo(8.0);
    }

    @Test
    void cb02_two_of_three_seats_give_6_67() {
        assertThat(cb("CB-02", f -> {
            f.committeeSeatsRequired = 3;
            f.committeeSeatsFilled = 2;
            return f;
        })).isEqualTo(6.67);
    }

    @Test
    void cb02_no_seat_filled_gives_a_0_line() {
        assertThat(cb("CB-02", f -> {
            f.committeeSeatsFilled = 0;
            return f;
        })).isEqualTo(0.0);
    }

    @Test
    void cb03_a_new_member_gives_15() {
        assertThat(cb("CB-03", f -> f)).isEqualTo(15.0);
    }

    @Test
    void cb03_no_new_member_but_the_last_one_2_years_ago_gives_8() {
        assertThat(cb("CB-03", f -> {
            f.newMembers = 0;
            f.yearsSinceLastNewMember = 2;
            return f;
        })).isEqualTo(8.0);
    }

    @Test
    void cb03_no_new_member_and_the_last_one_3_years_ago_gives_0() {
        assertThat(cb("CB-03", f -> {
            f.newMembers = 0;
            f.yearsSinceLastNewMember = 3;
            return f;
        })).isEqualTo(0.0);
    }

    @Test
    void cb04_no_dispute_or_petition_gives_15() {
        assertThat(cb("CB-04", f -> f)).isEqualTo(15.0);
    }

    @Test
    void cb04_one_unresolved_dispute_loses_3() {
        assertThat(cb("CB-04", f -> {
            f.disputesUnresolved = 1;
            return f;
        })).isEqualTo(12.0);
    }

    @Test
    void cb04_one_repeated_petition_loses_5() {
        assertThat(cb("CB-04", f -> {
            f.petitionsRepeated = 1;
            return f;
        })).isEqualTo(10.0);
    }

    @Test
    void cb04_three_disputes_and_one_petition_leave_1() {
        assertThat(cb("CB-04", f -> {
            f.disputesUnresolved = 3;
            f.petitionsRepeated = 1;
            return f;
        })).isEqualTo(1.0);
    }

    @Test
    void cb04_four_disputes_and_one_petition_are_floored_at_0() {
        // 15 − 12 − 5 = −2 → 0
        assertThat(cb("CB-04", f -> {
            f.disputesUnresolved = 4;
            f.petitionsRepeated = 1;
            return f;
        })).isEqualTo(0.0);
    }

    // ── CB-05 25 × inspection score / 100; 20 without one ────────────────────────────────────

    @Test
    void cb05_no_visit_gives_20() {
        assertThat(cb("CB-05", f -> f)).isEqualTo(20.0);
    }

    @Test
    void cb05_a_visit_scoring_80_gives_20() {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-06-01", VisitMode.OPEN, finding("C04", Severity.MINOR)).result("V1", "2026");
        assertThat(points(r, "CB-05")).isEqualTo(20.0);
    }

    @Test
    void cb05_a_visit_scoring_88_gives_22() {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-06-01", VisitMode.OPEN, finding("C03")).result("V1", "2026");
        assertThat(points(r, "CB-05")).isEqualTo(22.0);
    }

    @Test
    void cb05_a_visit_scoring_100_gives_25() {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-06-01", VisitMode.COVERT).result("V1", "2026");
        assertThat(points(r, "CB-05")).isEqualTo(25.0);
    }

    @Test
    void cb05_uses_the_rounded_inspection_score() {
        // COVERT 100, OPEN 100, OPEN 93.5: 393.5 / 4 = 98.375 → 98.38; 25 × 98.38 / 100 = 24.595 → 24.60
        // (the unrounded score would give 24.59375 → 24.59)
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-05-01", VisitMode.COVERT)
                .visit("B", "V1", "2026-06-01", VisitMode.OPEN)
                .visit("C", "V1", "2026-12-20", VisitMode.OPEN, finding("C01"), other(1, Severity.MAJOR))
                .result("V1", "2026");
        assertThat(r.inspectionScore()).isEqualTo(98.38);
        assertThat(points(r, "CB-05")).isEqualTo(24.6);
    }

    // ── CB-06 timeliness: items due in the window before the as-of date ──────────────────────
    // visit A 2026-03-01: a MINOR finding is due 2026-03-31, a MAJOR one 2026-03-16

    @Test
    void cb06_no_item_due_gives_20() {
        assertThat(cb("CB-06", f -> f)).isEqualTo(20.0);
    }

    @Test
    void cb06_an_item_submitted_on_its_deadline_and_awaiting_verification_is_on_time() {
        assertThat(cb06("2026-12-31", submitted("C01", "2026-03-31"))).isEqualTo(20.0);
    }

    @Test
    void cb06_an_item_submitted_a_day_after_its_deadline_is_late() {
        assertThat(cb06("2026-12-31", submitted("C01", "2026-04-01"))).isEqualTo(0.0);
    }

    @Test
    void cb06_an_item_submitted_in_time_and_verified_later_is_on_time() {
        assertThat(cb06("2026-12-31", verified("C01", "2026-03-20", "2026-05-01"))).isEqualTo(20.0);
    }

    @Test
    void cb06_an_item_submitted_late_and_verified_is_late() {
        assertThat(cb06("2026-12-31", verified("C01", "2026-04-05", "2026-04-10"))).isEqualTo(0.0);
    }

    @Test
    void cb06_an_open_item_past_its_deadline_is_late() {
        assertThat(cb06("2026-12-31", finding("C01"))).isEqualTo(0.0);
    }

    @Test
    void cb06_a_major_item_is_due_after_15_days() {
        assertThat(cb06("2026-12-31", submitted("C03", "2026-03-16"))).isEqualTo(20.0);
        assertThat(cb06("2026-12-31", submitted("C03", "2026-03-17"))).isEqualTo(0.0);
    }

    @Test
    void cb06_an_item_submitted_in_time_but_rejected_is_open_again_and_late() {
        PolicyHarness h = new PolicyHarness().history("A", 0, submit("2026-03-20"), reject("2026-03-25"));
        assertThat(cb06(h, "2026-12-31", finding("C01"))).isEqualTo(0.0);
    }

    @Test
    void cb06_a_rejected_item_resubmitted_in_time_is_on_time() {
        PolicyHarness h = new PolicyHarness()
                .history("A", 0, submit("2026-03-20"), reject("2026-03-25"), submit("2026-03-30"));
        assertThat(cb06(h, "2026-12-31", finding("C01"))).isEqualTo(20.0);
    }

    @Test
    void cb06_a_rejected_item_resubmitted_late_counts_its_latest_submit_and_is_late() {
        PolicyHarness h = new PolicyHarness()
                .history("A", 0, submit("2026-03-20"), reject("2026-03-25"), submit("2026-04-02"));
        assertThat(cb06(h, "2026-12-31", finding("C01"))).isEqualTo(0.0);
    }

    @Test
    void cb06_a_submission_after_the_as_of_date_does_not_count_yet() {
        assertThat(cb06("2026-04-10", submitted("C01", "2026-04-15"))).isEqualTo(0.0);
    }

    @Test
    void cb06_an_item_due_on_the_as_of_date_is_not_counted_yet() {
        assertThat(cb06("2026-03-31", finding("C01"))).isEqualTo(20.0);
    }

    @Test
    void cb06_an_item_due_the_day_before_the_as_of_date_is_counted() {
        assertThat(cb06("2026-04-01", finding("C01"))).isEqualTo(0.0);
    }

    @Test
    void cb06_one_of_two_items_on_time_gives_10() {
        assertThat(cb06("2026-12-31", submitted("C01", "2026-03-20"), submitted("C02", "2026-04-05")))
                .isEqualTo(10.0);
    }

    @Test
    void cb06_two_of_three_items_on_time_give_13_33() {
        assertThat(cb06("2026-12-31", submitted("C01", "2026-03-20"), submitted("C02", "2026-03-21"),
                finding("C05"))).isEqualTo(13.33);
    }

    @Test
    void cb06_an_item_due_before_the_window_does_not_count() {
        // visit 2025-11-01: due 2025-12-01, still open
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2025-11-01", VisitMode.OPEN, finding("C01")).result("V1", "2026");
        assertThat(points(r, "CB-06")).isEqualTo(20.0);
    }

    @Test
    void cb06_an_item_of_a_previous_period_visit_due_in_the_window_counts() {
        // visit 2025-12-20: due 2026-01-19, still open
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2025-12-20", VisitMode.OPEN, finding("C01")).result("V1", "2026");
        assertThat(points(r, "CB-06")).isEqualTo(0.0);
    }

    // ── CB-07 VILLAGE only: −10 when collectiveIncomeYuan < 100,000 × m / 12 ─────────────────

    @Test
    void cb07_village_income_of_exactly_100000_gives_no_line() {
        assertThat(cb("CB-07", f -> {
            f.collectiveIncomeYuan = 100000;
            return f;
        })).isNull();
    }

    @Test
    void cb07_village_income_just_below_100000_loses_10() {
        assertThat(cb("CB-07", f -> {
            f.collectiveIncomeYuan = 99999.99;
            return f;
        })).isEqualTo(-10.0);
    }

    @Test
    void cb07_village_income_just_below_the_prorated_threshold_loses_10() {
        // as of 2026-07-15 the threshold is 100,000 × 196/365 = 53,698.630137 (compared unrounded)
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.collectiveIncomeYuan = 53698.63;
            return f;
        }).result("V1", "2026", "2026-07-15");
        assertThat(points(r, "CB-07")).isEqualTo(-10.0);
    }

    @Test
    void cb07_village_income_just_above_the_prorated_threshold_gives_no_line() {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.collectiveIncomeYuan = 53698.64;
            return f;
        }).result("V1", "2026", "2026-07-15");
        assertThat(points(r, "CB-07")).isNull();
    }

    @Test
    void cb07_does_not_apply_to_a_community() {
        assertThat(cb(OrgType.COMMUNITY, "CB-07", f -> {
            f.collectiveIncomeYuan = 0;
            return f;
        })).isNull();
    }

    @Test
    void cb07_does_not_apply_to_an_enterprise() {
        assertThat(cb(OrgType.ENTERPRISE, "CB-07", f -> {
            f.collectiveIncomeYuan = 0;
            return f;
        })).isNull();
    }

    @Test
    void combat_is_the_sum_of_its_lines_including_cb07() {
        // 15 + 10 + 15 + 15 + 20 + 20 − 10
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.collectiveIncomeYuan = 99999.99;
            return f;
        }).result("V1", "2026");
        assertThat(r.combat()).isEqualTo(85.0);
    }
}
