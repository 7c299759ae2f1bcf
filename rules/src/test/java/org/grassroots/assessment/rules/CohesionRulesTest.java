package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.line;
import static org.grassroots.assessment.rules.PolicyHarness.organization;
import static org.grassroots.assessment.rules.PolicyHarness.points;

import java.util.function.UnaryOperator;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.rules.PolicyHarness.Facts;
import org.junit.jupiter.api.Test;

/**
 * Policy section 3, COHESION: the organizational-life ratio R (which items apply, min(1, held /
 * required), prorating) and CO-01 … CO-04.
 */
class CohesionRulesTest {

    private static OrganizationResult result(OrgType type, UnaryOperator<Facts> change) {
        return new PolicyHarness().org("O1", type, "2026", change).result("O1", "2026");
    }

    private static OrganizationResult result(OrgType type, String asOf, UnaryOperator<Facts> change) {
        return new PolicyHarness().org("O1", type, "2026", change).result("O1", "2026", asOf);
    }

    // ── R: which items apply ─────────────────────────────────────────────────────────────────

    @Test
    void co01_every_item_held_as_required_gives_r_1_and_50() {
        assertThat(points(result(OrgType.VILLAGE, f -> f), "CO-01")).isEqualTo(50.0);
    }

    @Test
    void co01_one_committee_meeting_short_in_an_organ_is_one_of_six_items() {
        // ORGAN, whole year: 4 basic items + 2 annual; (5 + 11/12) / 6 = 0.98611 → 49.31
        OrganizationResult r = result(OrgType.ORGAN, f -> {
            f.committeeMeetings = 11;
            return f;
        });
        assertThat(points(r, "CO-01")).isEqualTo(49.31);
        assertThat(line(r, "CO-01").reason()).contains("支委会 11/12 次");
    }

    @Test
    void co01_party_group_meetings_apply_to_an_organization_with_party_groups() {
        // 7 items, party group meetings 0: 6/7 → 42.86
        OrganizationResult r = new PolicyHarness()
                .organization(organization("O1", OrgType.ORGAN, null, null, true))
                .org("O1", OrgType.ORGAN, "2026", f -> {
                    f.partyGroupMeetings = 0;
                    return f;
                }).result("O1", "2026");
        assertThat(points(r, "CO-01")).isEqualTo(42.86);
    }

    @Test
    void co01_party_group_meetings_do_not_apply_without_party_groups() {
        assertThat(points(result(OrgType.ORGAN, f -> {
            f.partyGroupMeetings = 0;
            return f;
        }), "CO-01")).isEqualTo(50.0);
    }

    @Test
    void co01_study_days_apply_to_a_village() {
        // VILLAGE: 4 basic + study days + village committee + 2 annual = 8 items; 7/8 → 43.75
        assertThat(points(result(OrgType.VILLAGE, f -> {
            f.studyDays = 0;
            return f;
        }), "CO-01")).isEqualTo(43.75);
    }

    @Test
    void co01_village_committee_meetings_apply_to_a_community_weekly() {
        // 26 of 52 weeks: (7 + 0.5) / 8 = 0.9375 → 46.875 → 46.88
        assertThat(points(result(OrgType.COMMUNITY, f -> {
            f.villageCommitteeMeetings = 26;
            return f;
        }), "CO-01")).isEqualTo(46.88);
    }

    @Test
    void co01_village_items_do_not_apply_to_an_organ() {
        assertThat(points(result(OrgType.ORGAN, f -> {
            f.studyDays = 0;
            f.villageCommitteeMeetings = 0;
            return f;
        }), "CO-01")).isEqualTo(50.0);
    }

    @Test
    void co01_village_items_do_not_apply_to_an_enterprise_or_social_org() {
        UnaryOperator<Facts> none = f -> {
            f.studyDays = 0;
            f.villageCommitteeMeetings = 0;
            return f;
        };
        assertThat(points(result(OrgType.ENTERPRISE, none), "CO-01")).isEqualTo(50.0);
        assertThat(points(result(OrgType.SOCIAL_ORG, none), "CO-01")).isEqualTo(50.0);
    }

    @Test
    void co01_annual_items_apply_in_a_whole_year_window() {
        // ORGAN, organizational-life meeting not held: 5/6 → 41.67
        assertThat(points(result(OrgType.ORGAN, f -> {
            f.organizationalLifeMeetingHeld = false;
            return f;
        }), "CO-01")).isEqualTo(41.67);
    }

    @Test
    void co01_the_democratic_review_is_an_annual_item() {
        assertThat(points(result(OrgType.ORGAN, f -> {
            f.democraticReviewHeld = false;
            return f;
        }), "CO-01")).isEqualTo(41.67);
    }

    @Test
    void co01_annual_items_do_not_apply_a_day_before_the_year_ends() {
        // as of 2026-12-30 only the 4 basic items apply, all held (12 ≥ m = 364/365 × 12)
        assertThat(points(result(OrgType.ORGAN, "2026-12-30", f -> {
            f.organizationalLifeMeetingHeld = false;
            f.democraticReviewHeld = false;
            return f;
        }), "CO-01")).isEqualTo(50.0);
    }

    @Test
    void co01_an_item_held_more_often_than_required_counts_at_most_1() {
        // branch general meetings 0, committee meetings 24: (0 + 1 + 1 + 1 + 1 + 1) / 6 → 41.67
        assertThat(points(result(OrgType.ORGAN, f -> {
            f.branchGeneralMeetings = 0;
            f.committeeMeetings = 24;
            return f;
        }), "CO-01")).isEqualTo(41.67);
    }

    @Test
    void co01_quarterly_items_require_m_over_3() {
        // 3 branch general meetings of 4 required: (0.75 + 5) / 6 = 0.958333 → 47.92
        assertThat(points(result(OrgType.ORGAN, f -> {
            f.branchGeneralMeetings = 3;
            return f;
        }), "CO-01")).isEqualTo(47.92);
    }

    @Test
    void co01_requirements_are_prorated_to_the_window() {
        // as of 2026-07-15: m = 196/365 × 12 = 6.4438; committee 6/6.4438 = 0.931122; no annual items
        // R = (3 + 0.931122) / 4 = 0.982781 → 49.14
        assertThat(points(result(OrgType.ORGAN, "2026-07-15", f -> {
            f.committeeMeetings = 6;
            return f;
        }), "CO-01")).isEqualTo(49.14);
    }

    @Test
    void co01_a_prorated_requirement_met_gives_1() {
        // as of 2026-07-15 7 committee meetings exceed m = 6.4438
        assertThat(points(result(OrgType.ORGAN, "2026-07-15", f -> {
            f.committeeMeetings = 7;
            return f;
        }), "CO-01")).isEqualTo(50.0);
    }

    // ── CO-02 … CO-04 ────────────────────────────────────────────────────────────────────────

    @Test
    void co02_study_attendance_0_8_gives_12() {
        assertThat(points(result(OrgType.VILLAGE, f -> {
            f.studyAttendanceRate = 0.8;
            return f;
        }), "CO-02")).isEqualTo(12.0);
    }

    @Test
    void co02_points_are_rounded_half_up() {
        // 15 × 0.333 = 4.995 → 5.00
        assertThat(points(result(OrgType.VILLAGE, f -> {
            f.studyAttendanceRate = 0.333;
            return f;
        }), "CO-02")).isEqualTo(5.0);
    }

    @Test
    void co02_no_attendance_gives_a_0_line() {
        assertThat(points(result(OrgType.VILLAGE, f -> {
            f.studyAttendanceRate = 0;
            return f;
        }), "CO-02")).isEqualTo(0.0);
    }

    @Test
    void co03_no_floating_members_gives_15() {
        assertThat(points(result(OrgType.VILLAGE, f -> {
            f.floatingLedgerUpToDate = false;
            return f;
        }), "CO-03")).isEqualTo(15.0);
    }

    @Test
    void co03_two_of_three_floating_members_in_contact_with_ledger_up_to_date_give_11_67() {
        assertThat(points(result(OrgType.VILLAGE, f -> {
            f.floatingMembers = 3;
            f.floatingMembersInContact = 2;
            return f;
        }), "CO-03")).isEqualTo(11.67);
    }

    @Test
    void co03_ledger_not_up_to_date_loses_5() {
        assertThat(points(result(OrgType.VILLAGE, f -> {
            f.floatingMembers = 3;
            f.floatingMembersInContact = 2;
            f.floatingLedgerUpToDate = false;
            return f;
        }), "CO-03")).isEqualTo(6.67);
    }

    @Test
    void co03_all_floating_members_in_contact_with_ledger_give_15() {
        assertThat(points(result(OrgType.VILLAGE, f -> {
            f.floatingMembers = 3;
            f.floatingMembersInContact = 3;
            return f;
        }), "CO-03")).isEqualTo(15.0);
    }

    @Test
    void co03_nobody_in_contact_and_no_ledger_gives_a_0_line() {
        assertThat(points(result(OrgType.VILLAGE, f -> {
            f.floatingMembers = 1;
            f.floatingMembersInContact = 0;
            f.floatingLedgerUpToDate = false;
            return f;
        }), "CO-03")).isEqualTo(0.0);
    }

    @Test
    void co04_without_titled_members_gives_a_0_line() {
        assertThat(points(result(OrgType.VILLAGE, f -> f), "CO-04")).isEqualTo(0.0);
    }

    @Test
    void co04_half_the_members_titled_gives_10() {
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026").titledMembers("O1", "2026", 5)
                .plainMembers("O1", "2026", 5).result("O1", "2026");
        assertThat(points(r, "CO-04")).isEqualTo(10.0);
    }

    @Test
    void cohesion_is_the_sum_of_co01_to_co04() {
        // 50 + 12 + 11.67 + 10
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.studyAttendanceRate = 0.8;
            f.floatingMembers = 3;
            f.floatingMembersInContact = 2;
            return f;
        }).titledMembers("O1", "2026", 5).result("O1", "2026");
        assertThat(r.cohesion()).isEqualTo(83.67);
    }
}
