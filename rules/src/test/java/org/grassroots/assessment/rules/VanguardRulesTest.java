package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.excellentMember;
import static org.grassroots.assessment.rules.PolicyHarness.plainMember;
import static org.grassroots.assessment.rules.PolicyHarness.points;
import static org.grassroots.assessment.rules.PolicyHarness.serviceMember;

import java.util.List;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.MemberResult;
import org.grassroots.assessment.evaluation.VanguardTitle;
import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.OrgType;
import org.junit.jupiter.api.Test;

/**
 * Policy section 1: the five vanguard titles (V-00 … V-05) of a member record, and the vanguard
 * rate that CO-04 turns into points (20 × rate).
 */
class VanguardRulesTest {

    /** A member record of V1 in 2026: competent, no results, study 0.8 / 80, with the given changes. */
    private static MemberRecord member(String id, double hours, Appraisal appraisal, int innovations, int management,
            double studyRate, double testScore, boolean disciplined) {
        return new MemberRecord(id, "V1", "2026", false, hours, appraisal, innovations, management, studyRate,
                testScore, disciplined);
    }

    private static List<VanguardTitle> titles(MemberRecord record) {
        return titles(record, "2026-12-31");
    }

    private static List<VanguardTitle> titles(MemberRecord record, String asOf) {
        return memberResult(record, asOf).titles();
    }

    private static MemberResult memberResult(MemberRecord record, String asOf) {
        EvaluationResult result = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026").member(record)
                .evaluate("2026", asOf);
        return result.members().stream().filter(m -> m.memberId().equals(record.memberId())).findFirst()
                .orElseThrow();
    }

    // ── V-00 disqualification ───────────────────────────────────────────────────────────────

    @Test
    void v00_a_disciplinary_action_takes_every_title_from_a_member_who_meets_all_five_conditions() {
        MemberResult m = memberResult(member("M1", 40, Appraisal.EXCELLENT, 1, 1, 0.9, 90, true), "2026-12-31");
        assertThat(m.titles()).isEmpty();
        assertThat(m.disqualified()).isNotNull();
    }

    @Test
    void v00_an_incompetent_appraisal_takes_every_title() {
        MemberResult m = memberResult(member("M1", 40, Appraisal.INCOMPETENT, 1, 1, 0.9, 90, false), "2026-12-31");
        assertThat(m.titles()).isEmpty();
        assertThat(m.disqualified()).isNotNull();
    }

    @Test
    void v00_a_basically_competent_member_without_disciplinary_action_keeps_the_titles() {
        MemberResult m = memberResult(member("M1", 40, Appraisal.BASICALLY_COMPETENT, 1, 1, 0.9, 90, false),
                "2026-12-31");
        assertThat(m.titles()).containsExactly(VanguardTitle.SERVICE, VanguardTitle.INNOVATION,
                VanguardTitle.MANAGEMENT, VanguardTitle.STUDY);
        assertThat(m.disqualified()).isNull();
    }

    @Test
    void a_member_meeting_all_five_conditions_earns_all_five_titles_in_policy_order() {
        assertThat(titles(member("M1", 40, Appraisal.EXCELLENT, 1, 1, 0.9, 90, false))).containsExactly(
                VanguardTitle.SERVICE, VanguardTitle.DEDICATION, VanguardTitle.INNOVATION, VanguardTitle.MANAGEMENT,
                VanguardTitle.STUDY);
    }

    // ── V-01 SERVICE: serviceHours ≥ 40 × m / 12 ──────────────────────────────────────────────

    @Test
    void v01_whole_year_40_service_hours_earn_service() {
        assertThat(titles(serviceMember("M1", "V1", "2026", 40))).containsExactly(VanguardTitle.SERVICE);
    }

    @Test
    void v01_whole_year_39_99_service_hours_earn_nothing() {
        assertThat(titles(serviceMember("M1", "V1", "2026", 39.99))).isEmpty();
    }

    // as of 2026-07-15: m = 196/365 × 12, threshold 40 × 196/365 = 21.479452… (not rounded)
    @Test
    void v01_as_of_15_july_21_4795_hours_reach_the_exact_prorated_threshold() {
        assertThat(titles(serviceMember("M1", "V1", "2026", 21.4795), "2026-07-15"))
                .containsExactly(VanguardTitle.SERVICE);
    }

    @Test
    void v01_as_of_15_july_21_4794_hours_stay_just_below_the_exact_prorated_threshold() {
        assertThat(titles(serviceMember("M1", "V1", "2026", 21.4794), "2026-07-15")).isEmpty();
    }

    // ── V-02 … V-05 ───────────────────────────────────────────────────────────────────────────

    @Test
    void v02_an_excellent_appraisal_earns_dedication() {
        assertThat(titles(excellentMember("M1", "V1", "2026"))).containsExactly(VanguardTitle.DEDICATION);
    }

    @Test
    void v02_a_competent_appraisal_earns_nothing() {
        assertThat(titles(plainMember("M1", "V1", "2026"))).isEmpty();
    }

    @Test
    void v03_one_innovation_earns_innovation() {
        assertThat(titles(member("M1", 10, Appraisal.COMPETENT, 1, 0, 0.8, 80, false)))
                .containsExactly(VanguardTitle.INNOVATION);
    }

    @Test
    void v03_no_innovation_earns_nothing() {
        assertThat(titles(member("M1", 10, Appraisal.COMPETENT, 0, 0, 0.8, 80, false))).isEmpty();
    }

    @Test
    void v04_one_management_result_earns_management() {
        assertThat(titles(member("M1", 10, Appraisal.COMPETENT, 0, 1, 0.8, 80, false)))
                .containsExactly(VanguardTitle.MANAGEMENT);
    }

    @Test
    void v04_no_management_result_earns_nothing() {
        assertThat(titles(member("M1", 10, Appraisal.COMPETENT, 0, 0, 0.8, 80, false))).isEmpty();
    }

    @Test
    void v05_attendance_0_9_and_test_score_90_earn_study() {
        assertThat(titles(member("M1", 10, Appraisal.COMPETENT, 0, 0, 0.9, 90, false)))
                .containsExactly(VanguardTitle.STUDY);
    }

    @Test
    void v05_attendance_just_below_0_9_earns_nothing() {
        assertThat(titles(member("M1", 10, Appraisal.COMPETENT, 0, 0, 0.89, 100, false))).isEmpty();
    }

    @Test
    void v05_test_score_just_below_90_earns_nothing() {
        assertThat(titles(member("M1", 10, Appraisal.COMPETENT, 0, 0, 1.0, 89.99, false))).isEmpty();
    }

    // ── vanguard rate = members with ≥ 1 title / fact members; CO-04 = 20 × rate ─────────────

    @Test
    void vanguard_rate_one_titled_of_four_members_gives_co04_5() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.members = 4;
            return f;
        }).titledMembers("V1", "2026", 1).plainMembers("V1", "2026", 3);
        assertThat(points(h.result("V1", "2026"), "CO-04")).isEqualTo(5.0);
    }

    @Test
    void vanguard_rate_divides_by_the_fact_members_not_by_the_member_records() {
        // 3 titled records of 7 members: 20 × 3/7 = 8.571… → 8.57
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.members = 7;
            return f;
        }).titledMembers("V1", "2026", 3);
        assertThat(points(h.result("V1", "2026"), "CO-04")).isEqualTo(8.57);
    }

    @Test
    void vanguard_rate_counts_a_member_with_several_titles_once() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.members = 2;
            return f;
        }).member(member("M1", 40, Appraisal.EXCELLENT, 1, 1, 0.9, 90, false));
        assertThat(points(h.result("V1", "2026"), "CO-04")).isEqualTo(10.0);
    }

    @Test
    void vanguard_rate_does_not_count_a_disqualified_member() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.members = 2;
            return f;
        }).member(member("M1", 40, Appraisal.EXCELLENT, 1, 1, 0.9, 90, true))
                .member(excellentMember("M2", "V1", "2026"));
        assertThat(points(h.result("V1", "2026"), "CO-04")).isEqualTo(10.0);
    }

    @Test
    void vanguard_rate_is_0_when_the_organization_has_no_members() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.members = 0;
            f.newMembers = 0;
            f.yearsSinceLastNewMember = 1;
            return f;
        });
        assertThat(points(h.result("V1", "2026"), "CO-04")).isEqualTo(0.0);
    }

    @Test
    void vanguard_rate_all_members_titled_gives_co04_20() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026").titledMembers("V1", "2026", 10);
        assertThat(points(h.result("V1", "2026"), "CO-04")).isEqualTo(20.0);
    }
}
