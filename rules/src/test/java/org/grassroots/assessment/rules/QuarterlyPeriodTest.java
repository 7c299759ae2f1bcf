package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.finding;
import static org.grassroots.assessment.rules.PolicyHarness.item;
import static org.grassroots.assessment.rules.PolicyHarness.points;
import static org.grassroots.assessment.rules.PolicyHarness.serviceMember;

import java.util.List;
import java.util.function.UnaryOperator;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.VanguardTitle;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.rules.PolicyHarness.Facts;
import org.junit.jupiter.api.Test;

/**
 * Policy section 0 for quarters: 2026-Q3 is 1 July … 30 September (92 days), m = 3 and w = 13 for
 * the whole quarter; as of 15 August f = 46/92 = 0.5, m = 1.5, w = 6.5. Annual items never apply
 * in a quarter, and the previous period of 2026-Q1 is 2025-Q4.
 */
class QuarterlyPeriodTest {

    private static final String Q3 = "2026-Q3";

    private static OrganizationResult q3(OrgType type, String asOf, UnaryOperator<Facts> change) {
        return new PolicyHarness().org("O1", type, Q3, change).result("O1", Q3, asOf);
    }

    private static OrganizationResult q3(OrgType type, UnaryOperator<Facts> change) {
        return q3(type, "2026-09-30", change);
    }

    /** The facts of one quarter held exactly as required (m = 3, w = 13), annual items not held. */
    private static Facts quarter(Facts f) {
        f.branchGeneralMeetings = 1;
        f.committeeMeetings = 3;
        f.partyLectures = 1;
        f.themePartyDays = 3;
        f.partyGroupMeetings = 3;
        f.studyDays = 3;
        f.villageCommitteeMeetings = 13;
        f.volunteerActivities = 3;
        f.organizationalLifeMeetingHeld = false;
        f.democraticReviewHeld = false;
        return f;
    }

    private static List<VanguardTitle> titles(double hours, String asOf) {
        EvaluationResult result = new PolicyHarness().org("O1", OrgType.VILLAGE, Q3)
                .member(serviceMember("M1", "O1", Q3, hours)).evaluate(Q3, asOf);
        return result.members().get(0).titles();
    }

    @Test
    void the_period_is_the_third_quarter_and_its_previous_is_the_second() {
        Period p = Period.parse(Q3);
        assertThat(p.start()).hasToString("2026-07-01");
        assertThat(p.end()).hasToString("2026-09-30");
        assertThat(p.previous()).hasToString("2026-Q2");
        assertThat(Period.parse("2026-Q1").previous()).hasToString("2025-Q4");
    }

    // ── whole quarter: m = 3, w = 13 ─────────────────────────────────────────────────────────

    @Test
    void whole_quarter_requirements_held_exactly_give_r_1_without_annual_items() {
        assertThat(points(q3(OrgType.VILLAGE, QuarterlyPeriodTest::quarter), "CO-01")).isEqualTo(50.0);
        assertThat(points(q3(OrgType.ORGAN, QuarterlyPeriodTest::quarter), "CO-01")).isEqualTo(50.0);
    }

    @Test
    void whole_quarter_two_of_three_committee_meetings() {
        // ORGAN: 4 items, (1 + 2/3 + 1 + 1) / 4 = 0.916667 → 45.83
        assertThat(points(q3(OrgType.ORGAN, f -> {
            quarter(f).committeeMeetings = 2;
            return f;
        }), "CO-01")).isEqualTo(45.83);
    }

    @Test
    void whole_quarter_twelve_of_thirteen_weekly_meetings() {
        // VILLAGE: 6 items, (5 + 12/13) / 6 = 0.987179 → 49.36
        assertThat(points(q3(OrgType.VILLAGE, f -> {
            quarter(f).villageCommitteeMeetings = 12;
            return f;
        }), "CO-01")).isEqualTo(49.36);
    }

    @Test
    void whole_quarter_ch02_three_activities_give_20_and_two_give_13_33() {
        assertThat(points(q3(OrgType.VILLAGE, QuarterlyPeriodTest::quarter), "CH-02")).isEqualTo(20.0);
        assertThat(points(q3(OrgType.VILLAGE, f -> {
            quarter(f).volunteerActivities = 2;
            return f;
        }), "CH-02")).isEqualTo(13.33);
    }

    @Test
    void whole_quarter_v01_needs_10_service_hours() {
        assertThat(titles(10, "2026-09-30")).containsExactly(VanguardTitle.SERVICE);
        assertThat(titles(9.99, "2026-09-30")).isEmpty();
    }

    @Test
    void whole_quarter_cb07_threshold_is_25000() {
        assertThat(points(q3(OrgType.VILLAGE, f -> {
            f.collectiveIncomeYuan = 25000;
            return f;
        }), "CB-07")).isNull();
        assertThat(points(q3(OrgType.VILLAGE, f -> {
            f.collectiveIncomeYuan = 24999.99;
            return f;
        }), "CB-07")).isEqualTo(-10.0);
    }

    @Test
    void whole_quarter_w05_threshold_is_12500() {
        assertThat(q3(OrgType.VILLAGE, f -> {
            f.collectiveIncomeYuan = 12500;
            return f;
        }).weakTriggers()).isEmpty();
        assertThat(q3(OrgType.VILLAGE, f -> {
            f.collectiveIncomeYuan = 12499.99;
            return f;
        }).weakTriggers()).containsExactly("W-05");
    }

    // ── prorated mid-quarter: as of 15 August m = 1.5, w = 6.5 ───────────────────────────────

    @Test
    void mid_quarter_ch02_one_activity_of_1_5_gives_13_33() {
        assertThat(points(q3(OrgType.VILLAGE, "2026-08-15", f -> {
            f.volunteerActivities = 1;
            return f;
        }), "CH-02")).isEqualTo(13.33);
    }

    @Test
    void mid_quarter_ch02_two_activities_give_20() {
        assertThat(points(q3(OrgType.VILLAGE, "2026-08-15", f -> {
            f.volunteerActivities = 2;
            return f;
        }), "CH-02")).isEqualTo(20.0);
    }

    @Test
    void mid_quarter_six_weekly_meetings_of_6_5() {
        // VILLAGE: (5 + 6/6.5) / 6 = 0.987179 → 49.36
        assertThat(points(q3(OrgType.VILLAGE, "2026-08-15", f -> {
            quarter(f).villageCommitteeMeetings = 6;
            return f;
        }), "CO-01")).isEqualTo(49.36);
    }

    @Test
    void mid_quarter_one_committee_meeting_of_1_5() {
        // ORGAN: branch meetings 1 ≥ 0.5, lectures 1 ≥ 0.5, theme days 3; (3 + 1/1.5) / 4 = 0.916667 → 45.83
        assertThat(points(q3(OrgType.ORGAN, "2026-08-15", f -> {
            quarter(f).committeeMeetings = 1;
            return f;
        }), "CO-01")).isEqualTo(45.83);
    }

    @Test
    void mid_quarter_v01_needs_5_service_hours() {
        assertThat(titles(5, "2026-08-15")).containsExactly(VanguardTitle.SERVICE);
        assertThat(titles(4.99, "2026-08-15")).isEmpty();
    }

    @Test
    void mid_quarter_cb07_threshold_is_12500() {
        assertThat(points(q3(OrgType.VILLAGE, "2026-08-15", f -> {
            f.collectiveIncomeYuan = 12500;
            return f;
        }), "CB-07")).isNull();
        assertThat(points(q3(OrgType.VILLAGE, "2026-08-15", f -> {
            f.collectiveIncomeYuan = 12499.99;
            return f;
        }), "CB-07")).isEqualTo(-10.0);
    }

    // ── annual items and S-06 never in a quarter ─────────────────────────────────────────────

    @Test
    void annual_items_do_not_apply_in_the_fourth_quarter_ending_on_31_december() {
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.ORGAN, "2026-Q4", QuarterlyPeriodTest::quarter)
                .result("O1", "2026-Q4");
        assertThat(points(r, "CO-01")).isEqualTo(50.0);
    }

    @Test
    void s06_is_not_produced_in_a_quarter() {
        EvaluationResult result = new PolicyHarness().org("O1", OrgType.ORGAN, "2026-Q4", QuarterlyPeriodTest::quarter)
                .evaluate("2026-Q4");
        assertThat(item(result, "O1", "S-06")).isNull();
    }

    @Test
    void s06_is_produced_for_the_year_with_the_same_facts() {
        EvaluationResult result = new PolicyHarness().org("O1", OrgType.ORGAN, "2026", f -> {
            f.organizationalLifeMeetingHeld = false;
            return f;
        }).evaluate("2026");
        assertThat(item(result, "O1", "S-06")).isNotNull();
    }

    // ── visits and items in the quarter window ───────────────────────────────────────────────

    @Test
    void a_visit_of_the_previous_quarter_does_not_count() {
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, Q3)
                .visit("A", "O1", "2026-06-30", VisitMode.OPEN, finding("C06")).result("O1", Q3);
        assertThat(r.inspectionScore()).isNull();
        assertThat(points(r, "CB-05")).isEqualTo(20.0);
    }

    @Test
    void an_item_of_the_previous_quarter_due_in_this_one_counts_for_cb06() {
        // visit 2026-06-20, minor: due 2026-07-20, still open
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, Q3)
                .visit("A", "O1", "2026-06-20", VisitMode.OPEN, finding("C06")).result("O1", Q3);
        assertThat(points(r, "CB-06")).isEqualTo(0.0);
    }

    @Test
    void movement_of_2026_q1_compares_with_2025_q4() {
        PolicyHarness h = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026-Q1").org("O1", OrgType.VILLAGE,
                "2025-Q4", f -> {
                    f.secretaryVacantMonths = 6;
                    return f;
                });
        assertThat(h.result("O1", "2026-Q1").movement()).isEqualTo(Movement.CONVERTED);
    }
}
