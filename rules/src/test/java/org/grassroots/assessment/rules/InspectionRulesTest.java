package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.finding;
import static org.grassroots.assessment.rules.PolicyHarness.other;
import static org.grassroots.assessment.rules.PolicyHarness.points;
import static org.grassroots.assessment.rules.PolicyHarness.visitScore;

import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.VisitMode;
import org.junit.jupiter.api.Test;

/**
 * Policy section 2: finding deductions (base × severity factor × repeat factor), visit scores and
 * the inspection score. Each case is one visit of V1 unless it says otherwise.
 */
class InspectionRulesTest {

    /** The score of one OPEN visit of V1 on 2026-06-01 with the findings. */
    private static double score(Finding... findings) {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-06-01", VisitMode.OPEN, findings).result("V1", "2026");
        return visitScore(r, "A");
    }

    /** The score of visit B of V1 (2026-03-02) after an earlier visit A at the date, both with the finding. */
    private static double secondVisitScore(String earlierDate, Finding earlier, Finding later) {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", earlierDate, VisitMode.OPEN, earlier)
                .visit("B", "V1", "2026-03-02", VisitMode.OPEN, later).result("V1", "2026");
        return visitScore(r, "B");
    }

    // ── base deduction of each checklist item, catalog severity ──────────────────────────────

    @Test
    void c01_service_center_not_open_minor_deducts_5() {
        assertThat(score(finding("C01"))).isEqualTo(95.0);
    }

    @Test
    void c02_nobody_on_duty_minor_deducts_5() {
        assertThat(score(finding("C02"))).isEqualTo(95.0);
    }

    @Test
    void c03_meeting_records_missing_major_deducts_8_times_1_5() {
        assertThat(score(finding("C03"))).isEqualTo(88.0);
    }

    @Test
    void c04_records_fabricated_critical_deducts_20_times_2() {
        assertThat(score(finding("C04"))).isEqualTo(60.0);
    }

    @Test
    void c05_member_ledgers_not_updated_minor_deducts_5() {
        assertThat(score(finding("C05"))).isEqualTo(95.0);
    }

    @Test
    void c06_signage_not_four_unified_minor_deducts_3() {
        assertThat(score(finding("C06"))).isEqualTo(97.0);
    }

    @Test
    void c07_funds_misused_major_deducts_15_times_1_5() {
        assertThat(score(finding("C07"))).isEqualTo(77.5);
    }

    @Test
    void c08_residents_unaware_minor_deducts_5() {
        assertThat(score(finding("C08"))).isEqualTo(95.0);
    }

    @Test
    void c09_poor_service_attitude_major_deducts_8_times_1_5() {
        assertThat(score(finding("C09"))).isEqualTo(88.0);
    }

    @Test
    void c10_previous_rectification_not_carried_out_major_deducts_10_times_1_5() {
        assertThat(score(finding("C10"))).isEqualTo(85.0);
    }

    @Test
    void c11_study_day_not_held_minor_deducts_5() {
        assertThat(score(finding("C11"))).isEqualTo(95.0);
    }

    @Test
    void c12_other_minor_deducts_its_own_deduction() {
        assertThat(score(other(7))).isEqualTo(93.0);
    }

    @Test
    void a_visit_without_findings_scores_100() {
        assertThat(score()).isEqualTo(100.0);
    }

    @Test
    void the_deductions_of_a_visit_add_up() {
        // C01 5 + C03 12 + C06 3
        assertThat(score(finding("C01"), finding("C03"), finding("C06"))).isEqualTo(80.0);
    }

    // ── severity set by the inspector: factor 1.0 / 1.5 / 2.0 ────────────────────────────────

    @Test
    void severity_minor_set_on_a_critical_item_has_factor_1() {
        assertThat(score(finding("C04", Severity.MINOR))).isEqualTo(80.0);
    }

    @Test
    void severity_major_set_on_a_minor_item_has_factor_1_5() {
        assertThat(score(finding("C01", Severity.MAJOR))).isEqualTo(92.5);
    }

    @Test
    void severity_critical_set_on_a_minor_item_has_factor_2() {
        assertThat(score(finding("C01", Severity.CRITICAL))).isEqualTo(90.0);
    }

    @Test
    void severity_major_set_on_an_other_finding_scales_its_own_deduction() {
        assertThat(score(other(7, Severity.MAJOR))).isEqualTo(89.5);
    }

    @Test
    void severity_critical_set_on_an_other_finding_of_20_deducts_40() {
        assertThat(score(other(20, Severity.CRITICAL))).isEqualTo(60.0);
    }

    // ── repeat factor 2.0: same item 365 … 1 days before, any period, never C12 ───────────────

    @Test
    void repeat_same_item_one_day_before_doubles_the_deduction() {
        assertThat(secondVisitScore("2026-03-01", finding("C01"), finding("C01"))).isEqualTo(90.0);
    }

    @Test
    void repeat_same_item_365_days_before_in_the_previous_period_doubles_the_deduction() {
        assertThat(secondVisitScore("2025-03-02", finding("C01"), finding("C01"))).isEqualTo(90.0);
    }

    @Test
    void repeat_same_item_366_days_before_is_not_a_repeat() {
        assertThat(secondVisitScore("2025-03-01", finding("C01"), finding("C01"))).isEqualTo(95.0);
    }

    @Test
    void repeat_same_item_in_another_visit_the_same_day_is_not_a_repeat() {
        assertThat(secondVisitScore("2026-03-02", finding("C01"), finding("C01"))).isEqualTo(95.0);
    }

    @Test
    void repeat_of_another_item_is_not_a_repeat() {
        assertThat(secondVisitScore("2026-03-01", finding("C02"), finding("C01"))).isEqualTo(95.0);
    }

    @Test
    void repeat_multiplies_with_the_severity_factor() {
        // C03 MAJOR: 8 × 1.5 × 2 = 24
        assertThat(secondVisitScore("2026-03-01", finding("C03"), finding("C03"))).isEqualTo(76.0);
    }

    @Test
    void repeat_never_applies_to_c12_other_findings() {
        assertThat(secondVisitScore("2026-03-01", other(6), other(6))).isEqualTo(94.0);
    }

    @Test
    void repeat_needs_a_finding_of_the_same_organization() {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026").org("V2", OrgType.VILLAGE, "2026")
                .visit("A", "V2", "2026-03-01", VisitMode.OPEN, finding("C01"))
                .visit("B", "V1", "2026-03-02", VisitMode.OPEN, finding("C01")).result("V1", "2026");
        assertThat(visitScore(r, "B")).isEqualTo(95.0);
    }

    @Test
    void repeat_leaves_the_first_visit_single() {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-03-01", VisitMode.OPEN, finding("C01"))
                .visit("B", "V1", "2026-03-02", VisitMode.OPEN, finding("C01")).result("V1", "2026");
        assertThat(visitScore(r, "A")).isEqualTo(95.0);
        assertThat(visitScore(r, "B")).isEqualTo(90.0);
    }

    // ── visit score floor ────────────────────────────────────────────────────────────────────

    @Test
    void visit_score_is_floored_at_0() {
        // 40 + 22.5 + 15 + 12 + 12 = 101.5 deducted
        assertThat(score(finding("C04"), finding("C07"), finding("C10"), finding("C03"), finding("C09")))
                .isEqualTo(0.0);
    }

    @Test
    void visit_score_of_exactly_100_deducted_is_0() {
        // 40 + 40 (C12 20 critical) + 20 (C04 minor)
        assertThat(score(finding("C04"), other(20, Severity.CRITICAL), finding("C04", Severity.MINOR)))
                .isEqualTo(0.0);
    }

    // ── inspection score: weighted mean, COVERT 2, OPEN 1 ────────────────────────────────────

    @Test
    void inspection_score_weighs_a_covert_visit_twice() {
        // OPEN 90, COVERT 60: (90 + 2 × 60) / 3 = 70
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-05-01", VisitMode.OPEN, finding("C01", Severity.CRITICAL))
                .visit("B", "V1", "2026-06-01", VisitMode.COVERT, finding("C04")).result("V1", "2026");
        assertThat(r.inspectionScore()).isEqualTo(70.0);
    }

    @Test
    void inspection_score_weighs_an_open_visit_once() {
        // OPEN 60, COVERT 90: (60 + 2 × 90) / 3 = 80
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-05-01", VisitMode.OPEN, finding("C04"))
                .visit("B", "V1", "2026-06-01", VisitMode.COVERT, finding("C01", Severity.CRITICAL))
                .result("V1", "2026");
        assertThat(r.inspectionScore()).isEqualTo(80.0);
    }

    @Test
    void inspection_score_is_rounded_half_up_to_2_decimals() {
        // COVERT 100, OPEN 100, OPEN 98.5: (200 + 100 + 98.5) / 4 = 99.625 → 99.63
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-05-01", VisitMode.COVERT)
                .visit("B", "V1", "2026-06-01", VisitMode.OPEN)
                .visit("C", "V1", "2026-07-01", VisitMode.OPEN, other(1, Severity.MAJOR)).result("V1", "2026");
        assertThat(r.inspectionScore()).isEqualTo(99.63);
    }

    @Test
    void inspection_score_is_absent_without_a_visit() {
        assertThat(new PolicyHarness().org("V1", OrgType.VILLAGE, "2026").result("V1", "2026").inspectionScore())
                .isNull();
    }

    @Test
    void a_visit_before_the_window_does_not_count_toward_the_inspection_score() {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2025-12-31", VisitMode.COVERT, finding("C04"))
                .visit("B", "V1", "2026-01-01", VisitMode.OPEN, finding("C01")).result("V1", "2026");
        assertThat(r.inspectionScore()).isEqualTo(95.0);
    }

    @Test
    void a_visit_only_before_the_window_leaves_the_inspection_score_absent_and_cb05_at_20() {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2025-12-31", VisitMode.COVERT, finding("C04")).result("V1", "2026");
        assertThat(r.inspectionScore()).isNull();
        assertThat(points(r, "CB-05")).isEqualTo(20.0);
    }

    @Test
    void a_visit_on_the_as_of_date_counts() {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-06-30", VisitMode.OPEN, finding("C01")).result("V1", "2026", "2026-06-30");
        assertThat(r.inspectionScore()).isEqualTo(95.0);
    }

    @Test
    void a_visit_after_the_as_of_date_does_not_exist() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-07-01", VisitMode.OPEN, finding("C04"));
        EvaluationResult result = h.evaluate("2026", "2026-06-30");
        OrganizationResult r = result.organizations().get(0);
        assertThat(r.inspectionScore()).isNull();
        assertThat(r.visits()).isEmpty();
        assertThat(result.rectifications()).isEmpty();
    }

    @Test
    void a_finding_after_the_as_of_date_does_not_make_a_later_one_a_repeat_before_it_exists() {
        // as of 2026-03-01 only visit A exists; its C01 is not a repeat of anything
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-03-01", VisitMode.OPEN, finding("C01"))
                .visit("B", "V1", "2026-03-02", VisitMode.OPEN, finding("C01")).result("V1", "2026", "2026-03-01");
        assertThat(r.visits()).hasSize(1);
        assertThat(visitScore(r, "A")).isEqualTo(95.0);
    }
}
