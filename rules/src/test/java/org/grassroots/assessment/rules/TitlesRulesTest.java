package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.finding;
import static org.grassroots.assessment.rules.PolicyHarness.other;
import static org.grassroots.assessment.rules.PolicyHarness.rectified;
import static org.grassroots.assessment.rules.PolicyHarness.submitted;
import static org.grassroots.assessment.rules.PolicyHarness.verified;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.grassroots.assessment.evaluation.OrgTitle;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.rules.PolicyHarness.Facts;
import org.junit.jupiter.api.Test;

/**
 * Policy section 4: T-01 THREE_FORCES (ADVANCED after G-01 and every force ≥ 85) and D-01
 * DEMONSTRATION_CANDIDATE (its conditions failing one at a time). The outstanding organization has
 * 10 titled members of 10 and a CITY site: COHESION 100, CHARISMA 100, COMBAT 95 (no visit).
 */
class TitlesRulesTest {

    private static PolicyHarness outstanding(OrgType type, UnaryOperator<Facts> change) {
        return new PolicyHarness().org("O1", type, "2026", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            return change.apply(f);
        }).titledMembers("O1", "2026", 10);
    }

    private static PolicyHarness outstanding(UnaryOperator<Facts> change) {
        return outstanding(OrgType.VILLAGE, change);
    }

    /** The outstanding organization with a COVERT visit A (2026-05-01) and an OPEN visit B (2026-06-01). */
    private static PolicyHarness candidate(OrgType type, UnaryOperator<Facts> change) {
        return outstanding(type, change).visit("A", "O1", "2026-05-01", VisitMode.COVERT)
                .visit("B", "O1", "2026-06-01", VisitMode.OPEN);
    }

    // ── T-01 ─────────────────────────────────────────────────────────────────────────────────

    @Test
    void t01_advanced_with_every_force_at_least_85_is_a_three_forces_organization() {
        OrganizationResult r = outstanding(f -> f).result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.ADVANCED);
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
        assertThat(r.reasons()).containsKey("THREE_FORCES");
    }

    @Test
    void t01_cohesion_of_exactly_85_qualifies() {
        // 1 titled member of 4: CO-04 5, COHESION 85
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            f.members = 4;
            return f;
        }).titledMembers("O1", "2026", 1).result("O1", "2026");
        assertThat(r.cohesion()).isEqualTo(85.0);
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
    }

    @Test
    void t01_cohesion_of_84_99_does_not_qualify() {
        // CO-02 15 × 0.9994 = 14.991 → 14.99
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            f.members = 4;
            f.studyAttendanceRate = 0.9994;
            return f;
        }).titledMembers("O1", "2026", 1).result("O1", "2026");
        assertThat(r.cohesion()).isEqualTo(84.99);
        assertThat(r.tier()).isEqualTo(Tier.ADVANCED);
        assertThat(r.titles()).isEmpty();
    }

    @Test
    void t01_charisma_of_exactly_85_qualifies() {
        // CH-01 35 (equipment missing), CH-04 0: 35 + 20 + 30
        OrganizationResult r = outstanding(f -> {
            f.demonstrationLevel = DemonstrationLevel.NONE;
            f.centerEquipment = false;
            return f;
        }).result("O1", "2026");
        assertThat(r.charisma()).isEqualTo(85.0);
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
    }

    @Test
    void t01_charisma_of_84_99_does_not_qualify() {
        // CH-03 30 × 0.99967 = 29.9901 → 29.99
        OrganizationResult r = outstanding(f -> {
            f.demonstrationLevel = DemonstrationLevel.NONE;
            f.centerEquipment = false;
            f.massSatisfaction = 0.99967;
            return f;
        }).result("O1", "2026");
        assertThat(r.charisma()).isEqualTo(84.99);
        assertThat(r.tier()).isEqualTo(Tier.ADVANCED);
        assertThat(r.titles()).isEmpty();
    }

    @Test
    void t01_combat_of_exactly_85_qualifies() {
        // CB-07 −10
        OrganizationResult r = outstanding(f -> {
            f.collectiveIncomeYuan = 99999.99;
            return f;
        }).result("O1", "2026");
        assertThat(r.combat()).isEqualTo(85.0);
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
    }

    @Test
    void t01_combat_of_84_75_does_not_qualify() {
        // and a visit scoring 79 (C04 minor 20 + C12 1): CB-05 19.75
        OrganizationResult r = outstanding(f -> {
            f.collectiveIncomeYuan = 99999.99;
            return f;
        }).visit("A", "O1", "2026-12-28", VisitMode.OPEN, finding("C04", Severity.MINOR), other(1))
                .result("O1", "2026");
        assertThat(r.combat()).isEqualTo(84.75);
        assertThat(r.tier()).isEqualTo(Tier.ADVANCED);
        assertThat(r.titles()).isEmpty();
    }

    @Test
    void t01_every_force_at_85_but_a_composite_of_85_is_good_and_no_title() {
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.members = 4;
            f.centerEquipment = false;
            f.collectiveIncomeYuan = 99999.99;
            return f;
        }).titledMembers("O1", "2026", 1).result("O1", "2026");
        assertThat(r.composite()).isEqualTo(85.0);
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
        assertThat(r.titles()).isEmpty();
    }

    @Test
    void t01_a_tier_capped_by_g01_does_not_qualify() {
        OrganizationResult r = outstanding(f -> f).visit("A", "O1", "2026-12-28", VisitMode.OPEN, finding("C03"))
                .result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
        assertThat(r.titles()).isEmpty();
    }

    @Test
    void t01_a_weak_organization_does_not_qualify() {
        // W-07: composite 98 − 10 = 88, forces unchanged
        OrganizationResult r = outstanding(f -> {
            f.disciplineCasesLeadership = 1;
            return f;
        }).result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.WEAK);
        assertThat(r.titles()).isEmpty();
    }

    // ── D-01 ─────────────────────────────────────────────────────────────────────────────────

    @Test
    void d01_two_visits_one_covert_scoring_100_with_no_finding_make_a_candidate() {
        OrganizationResult r = candidate(OrgType.VILLAGE, f -> f).result("O1", "2026");
        assertThat(r.inspectionScore()).isEqualTo(100.0);
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES, OrgTitle.DEMONSTRATION_CANDIDATE);
        assertThat(r.reasons()).containsKey("DEMONSTRATION_CANDIDATE");
    }

    @Test
    void d01_needs_three_forces() {
        OrganizationResult r = candidate(OrgType.VILLAGE, f -> {
            f.demonstrationLevel = DemonstrationLevel.NONE;
            f.centerEquipment = false;
            f.massSatisfaction = 0.99967;
            return f;
        }).result("O1", "2026");
        assertThat(r.charisma()).isEqualTo(84.99);
        assertThat(r.titles()).isEmpty();
    }

    @Test
    void d01_one_covert_visit_is_not_enough() {
        OrganizationResult r = outstanding(f -> f).visit("A", "O1", "2026-05-01", VisitMode.COVERT)
                .result("O1", "2026");
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
    }

    @Test
    void d01_two_open_visits_are_not_enough() {
        OrganizationResult r = outstanding(f -> f).visit("A", "O1", "2026-05-01", VisitMode.OPEN)
                .visit("B", "O1", "2026-06-01", VisitMode.OPEN).result("O1", "2026");
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
    }

    @Test
    void d01_two_covert_visits_qualify() {
        OrganizationResult r = outstanding(f -> f).visit("A", "O1", "2026-05-01", VisitMode.COVERT)
                .visit("B", "O1", "2026-06-01", VisitMode.COVERT).result("O1", "2026");
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES, OrgTitle.DEMONSTRATION_CANDIDATE);
    }

    @Test
    void d01_a_visit_of_the_previous_period_does_not_count_as_the_second_visit() {
        OrganizationResult r = outstanding(f -> f).visit("A", "O1", "2025-12-31", VisitMode.OPEN)
                .visit("B", "O1", "2026-06-01", VisitMode.COVERT).result("O1", "2026");
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
    }

    @Test
    void d01_an_inspection_score_of_exactly_90_qualifies() {
        // COVERT 90 (C01 + C02), OPEN 90 (C05 + C08), all verified in time
        OrganizationResult r = outstanding(f -> f)
                .visit("A", "O1", "2026-05-01", VisitMode.COVERT, verified("C01", "2026-05-10", "2026-05-12"),
                        verified("C02", "2026-05-10", "2026-05-12"))
                .visit("B", "O1", "2026-06-01", VisitMode.OPEN, verified("C05", "2026-06-10", "2026-06-12"),
                        verified("C08", "2026-06-10", "2026-06-12"))
                .result("O1", "2026");
        assertThat(r.inspectionScore()).isEqualTo(90.0);
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES, OrgTitle.DEMONSTRATION_CANDIDATE);
    }

    @Test
    void d01_an_inspection_score_of_89_67_does_not_qualify() {
        // COVERT 90, OPEN 89: (180 + 89) / 3 = 89.67
        OrganizationResult r = outstanding(f -> f)
                .visit("A", "O1", "2026-05-01", VisitMode.COVERT, verified("C01", "2026-05-10", "2026-05-12"),
                        verified("C02", "2026-05-10", "2026-05-12"))
                .visit("B", "O1", "2026-06-01", VisitMode.OPEN, verified("C05", "2026-06-10", "2026-06-12"),
                        verified("C08", "2026-06-10", "2026-06-12"),
                        new Finding("C12", null, 1, "其他问题", List.of(), new ImportedRectification(
                                RectificationStatus.VERIFIED, LocalDate.parse("2026-06-10"),
                                LocalDate.parse("2026-06-12"))))
                .result("O1", "2026");
        assertThat(r.inspectionScore()).isEqualTo(89.67);
        assertThat(r.titles()).contains(OrgTitle.THREE_FORCES).doesNotContain(OrgTitle.DEMONSTRATION_CANDIDATE);
    }

    @Test
    void d01_an_unverified_minor_finding_of_the_previous_period_disqualifies() {
        OrganizationResult r = candidate(OrgType.VILLAGE, f -> f)
                .visit("Z", "O1", "2025-06-01", VisitMode.OPEN, finding("C01")).result("O1", "2026");
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
    }

    @Test
    void d01_a_submitted_finding_awaiting_verification_disqualifies() {
        OrganizationResult r = outstanding(f -> f).visit("A", "O1", "2026-05-01", VisitMode.COVERT)
                .visit("B", "O1", "2026-06-01", VisitMode.OPEN, submitted("C01", "2026-06-10")).result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.ADVANCED);
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
    }

    @Test
    void d01_a_finding_verified_after_the_as_of_date_disqualifies() {
        OrganizationResult r = outstanding(f -> f).visit("A", "O1", "2026-05-01", VisitMode.COVERT)
                .visit("B", "O1", "2026-06-01", VisitMode.OPEN, rectified("C01", null,
                        new ImportedRectification(RectificationStatus.VERIFIED, LocalDate.parse("2026-06-10"),
                                LocalDate.parse("2027-01-05"))))
                .result("O1", "2026");
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
    }

    @Test
    void d01_a_finding_after_the_as_of_date_does_not_exist_yet() {
        OrganizationResult r = candidate(OrgType.VILLAGE, f -> f)
                .visit("C", "O1", "2026-12-28", VisitMode.OPEN, finding("C01")).result("O1", "2026", "2026-12-27");
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES, OrgTitle.DEMONSTRATION_CANDIDATE);
    }

    @Test
    void d01_enterprise_with_all_five_integration_items_qualifies() {
        OrganizationResult r = candidate(OrgType.ENTERPRISE, f -> f).result("O1", "2026");
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES, OrgTitle.DEMONSTRATION_CANDIDATE);
    }

    @Test
    void d01_enterprise_missing_one_integration_item_does_not_qualify() {
        // CH-01 24 + 10 = 34: CHARISMA 94, still THREE_FORCES
        OrganizationResult r = candidate(OrgType.ENTERPRISE, f -> {
            f.integrationJointSystems = false;
            return f;
        }).result("O1", "2026");
        assertThat(r.charisma()).isEqualTo(94.0);
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
    }

    @Test
    void d01_social_org_missing_one_integration_item_does_not_qualify() {
        OrganizationResult r = candidate(OrgType.SOCIAL_ORG, f -> {
            f.integrationCrossAppointment = false;
            return f;
        }).result("O1", "2026");
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES);
    }

    @Test
    void d01_social_org_with_all_five_integration_items_qualifies() {
        OrganizationResult r = candidate(OrgType.SOCIAL_ORG, f -> f).result("O1", "2026");
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES, OrgTitle.DEMONSTRATION_CANDIDATE);
    }

    @Test
    void d01_integration_items_do_not_matter_for_a_village() {
        OrganizationResult r = candidate(OrgType.VILLAGE, f -> {
            f.integrationJointSystems = false;
            f.integrationWorkingBody = false;
            return f;
        }).result("O1", "2026");
        assertThat(r.titles()).containsExactly(OrgTitle.THREE_FORCES, OrgTitle.DEMONSTRATION_CANDIDATE);
    }
}
