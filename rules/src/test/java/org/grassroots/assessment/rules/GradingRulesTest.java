package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.finding;
import static org.grassroots.assessment.rules.PolicyHarness.other;
import static org.grassroots.assessment.rules.PolicyHarness.rectified;
import static org.grassroots.assessment.rules.PolicyHarness.submitted;
import static org.grassroots.assessment.rules.PolicyHarness.verified;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.grassroots.assessment.evaluation.Flag;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.rules.PolicyHarness.Facts;
import org.junit.jupiter.api.Test;

/**
 * Policy section 4: weak triggers W-01 … W-11 (each both sides), tier thresholds 90 / 75 and the
 * G-01 cap. The exemplary organization is GOOD (composite 88.5) with no trigger.
 */
class GradingRulesTest {

    private static OrganizationResult result(OrgType type, UnaryOperator<Facts> change) {
        return new PolicyHarness().org("O1", type, "2026", change).result("O1", "2026");
    }

    private static OrganizationResult village(UnaryOperator<Facts> change) {
        return result(OrgType.VILLAGE, change);
    }

    @Test
    void the_exemplary_organization_has_no_trigger() {
        OrganizationResult r = village(f -> f);
        assertThat(r.weakTriggers()).isEmpty();
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
    }

    // ── W-01 secretaryVacantMonths ≥ 6 ───────────────────────────────────────────────────────

    @Test
    void w01_secretary_vacant_6_months_makes_the_organization_weak() {
        OrganizationResult r = village(f -> {
            f.secretaryVacantMonths = 6;
            return f;
        });
        assertThat(r.weakTriggers()).containsExactly("W-01");
        assertThat(r.tier()).isEqualTo(Tier.WEAK);
    }

    @Test
    void w01_secretary_vacant_5_months_is_no_trigger() {
        OrganizationResult r = village(f -> {
            f.secretaryVacantMonths = 5;
            return f;
        });
        assertThat(r.weakTriggers()).isEmpty();
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
    }

    // ── W-02 R < 0.5 ─────────────────────────────────────────────────────────────────────────
    // ORGAN, whole year: 6 items (4 basic + 2 annual)

    @Test
    void w02_r_exactly_0_5_is_no_trigger() {
        // 3 of 6 items held: R = 0.5
        OrganizationResult r = result(OrgType.ORGAN, f -> {
            f.branchGeneralMeetings = 0;
            f.committeeMeetings = 0;
            f.partyLectures = 0;
            return f;
        });
        assertThat(r.weakTriggers()).isEmpty();
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
    }

    @Test
    void w02_r_just_below_0_5_makes_the_organization_weak() {
        // R = (11/12 + 2) / 6 = 0.486
        OrganizationResult r = result(OrgType.ORGAN, f -> {
            f.branchGeneralMeetings = 0;
            f.committeeMeetings = 0;
            f.partyLectures = 0;
            f.themePartyDays = 11;
            return f;
        });
        assertThat(r.weakTriggers()).containsExactly("W-02");
        assertThat(r.tier()).isEqualTo(Tier.WEAK);
    }

    // ── W-03 members ≥ 3, newMembers = 0, yearsSinceLastNewMember ≥ 3 ────────────────────────

    @Test
    void w03_three_members_and_no_new_member_for_3_years_make_the_organization_weak() {
        assertThat(village(f -> {
            f.members = 3;
            f.newMembers = 0;
            f.yearsSinceLastNewMember = 3;
            return f;
        }).weakTriggers()).containsExactly("W-03");
    }

    @Test
    void w03_two_members_are_no_trigger() {
        assertThat(village(f -> {
            f.members = 2;
            f.newMembers = 0;
            f.yearsSinceLastNewMember = 3;
            return f;
        }).weakTriggers()).isEmpty();
    }

    @Test
    void w03_last_new_member_2_years_ago_is_no_trigger() {
        assertThat(village(f -> {
            f.members = 3;
            f.newMembers = 0;
            f.yearsSinceLastNewMember = 2;
            return f;
        }).weakTriggers()).isEmpty();
    }

    @Test
    void w03_a_new_member_this_period_is_no_trigger() {
        assertThat(village(f -> {
            f.members = 3;
            f.newMembers = 1;
            f.yearsSinceLastNewMember = 0;
            return f;
        }).weakTriggers()).isEmpty();
    }

    // ── W-04 VILLAGE, COMMUNITY without a service center ─────────────────────────────────────

    @Test
    void w04_village_without_a_service_center_is_weak() {
        assertThat(village(f -> {
            f.hasServiceCenter = false;
            return f;
        }).weakTriggers()).containsExactly("W-04");
    }

    @Test
    void w04_community_without_a_service_center_is_weak() {
        assertThat(result(OrgType.COMMUNITY, f -> {
            f.hasServiceCenter = false;
            return f;
        }).weakTriggers()).containsExactly("W-04");
    }

    @Test
    void w04_does_not_apply_to_an_organ_without_a_service_center() {
        assertThat(result(OrgType.ORGAN, f -> {
            f.hasServiceCenter = false;
            return f;
        }).weakTriggers()).isEmpty();
    }

    @Test
    void w04_village_with_a_service_center_lacking_every_element_is_no_trigger() {
        assertThat(village(f -> {
            f.centerSignage = false;
            f.centerAppearance = false;
            f.centerEquipment = false;
            f.centerAtmosphere = false;
            return f;
        }).weakTriggers()).isEmpty();
    }

    // ── W-05 VILLAGE with collectiveIncomeYuan < 50,000 × m / 12 ─────────────────────────────

    @Test
    void w05_village_income_just_below_50000_is_weak() {
        assertThat(village(f -> {
            f.collectiveIncomeYuan = 49999.99;
            return f;
        }).weakTriggers()).containsExactly("W-05");
    }

    @Test
    void w05_village_income_of_50000_is_no_trigger() {
        assertThat(village(f -> {
            f.collectiveIncomeYuan = 50000;
            return f;
        }).weakTriggers()).isEmpty();
    }

    @Test
    void w05_village_income_just_below_the_prorated_threshold_is_weak() {
        // as of 2026-07-15: 50,000 × 196/365 = 26,849.315 (compared unrounded)
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.collectiveIncomeYuan = 26849.31;
            return f;
        }).result("O1", "2026", "2026-07-15");
        assertThat(r.weakTriggers()).containsExactly("W-05");
    }

    @Test
    void w05_village_income_just_above_the_prorated_threshold_is_no_trigger() {
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.collectiveIncomeYuan = 26849.32;
            return f;
        }).result("O1", "2026", "2026-07-15");
        assertThat(r.weakTriggers()).isEmpty();
    }

    @Test
    void w05_does_not_apply_to_a_community() {
        assertThat(result(OrgType.COMMUNITY, f -> {
            f.collectiveIncomeYuan = 0;
            return f;
        }).weakTriggers()).isEmpty();
    }

    // ── W-06 disputesUnresolved ≥ 5 or petitionsRepeated ≥ 3 ─────────────────────────────────

    @Test
    void w06_five_unresolved_disputes_are_weak() {
        assertThat(village(f -> {
            f.disputesUnresolved = 5;
            return f;
        }).weakTriggers()).containsExactly("W-06");
    }

    @Test
    void w06_four_unresolved_disputes_are_no_trigger() {
        assertThat(village(f -> {
            f.disputesUnresolved = 4;
            return f;
        }).weakTriggers()).isEmpty();
    }

    @Test
    void w06_three_repeated_petitions_are_weak() {
        assertThat(village(f -> {
            f.petitionsRepeated = 3;
            return f;
        }).weakTriggers()).containsExactly("W-06");
    }

    @Test
    void w06_two_repeated_petitions_are_no_trigger() {
        assertThat(village(f -> {
            f.petitionsRepeated = 2;
            return f;
        }).weakTriggers()).isEmpty();
    }

    // ── W-07 disciplineCasesLeadership ≥ 1 ───────────────────────────────────────────────────

    @Test
    void w07_one_leadership_case_is_weak() {
        assertThat(village(f -> {
            f.disciplineCasesLeadership = 1;
            return f;
        }).weakTriggers()).containsExactly("W-07");
    }

    @Test
    void w07_member_cases_alone_are_no_trigger() {
        assertThat(village(f -> {
            f.disciplineCasesMembers = 3;
            return f;
        }).weakTriggers()).isEmpty();
    }

    // ── W-08 a visit in the window scored below 60 ───────────────────────────────────────────

    @Test
    void w08_a_visit_scoring_59_is_weak() {
        // C04 critical 40 (verified in time, so no W-09) + C12 1
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026")
                .visit("A", "O1", "2026-06-01", VisitMode.OPEN, verified("C04", "2026-06-05", "2026-06-06"), other(1))
                .result("O1", "2026");
        assertThat(r.weakTriggers()).containsExactly("W-08");
    }

    @Test
    void w08_a_visit_scoring_60_is_no_trigger() {
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026")
                .visit("A", "O1", "2026-06-01", VisitMode.OPEN, verified("C04", "2026-06-05", "2026-06-06"))
                .result("O1", "2026");
        assertThat(r.weakTriggers()).isEmpty();
    }

    @Test
    void w08_looks_at_each_visit_not_at_the_inspection_score() {
        // COVERT 100 and OPEN 59: inspection score 86.33, but one visit failed
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026")
                .visit("A", "O1", "2026-05-01", VisitMode.COVERT)
                .visit("B", "O1", "2026-06-01", VisitMode.OPEN, verified("C04", "2026-06-05", "2026-06-06"), other(1))
                .result("O1", "2026");
        assertThat(r.inspectionScore()).isEqualTo(86.33);
        assertThat(r.weakTriggers()).containsExactly("W-08");
    }

    @Test
    void w08_a_failed_visit_before_the_window_is_no_trigger() {
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026")
                .visit("A", "O1", "2025-12-31", VisitMode.OPEN, verified("C04", "2026-01-02", "2026-01-03"), other(1))
                .result("O1", "2026");
        assertThat(r.weakTriggers()).isEmpty();
    }

    // ── W-09 a CRITICAL finding (any period) OPEN with its deadline before the as-of date ────
    // visit A 2026-03-01 with C04 (critical): due 2026-03-08

    private static OrganizationResult w09(String asOf, org.grassroots.assessment.model.Finding finding) {
        return new PolicyHarness().org("O1", OrgType.VILLAGE, "2026")
                .visit("A", "O1", "2026-03-01", VisitMode.OPEN, finding).result("O1", "2026", asOf);
    }

    @Test
    void w09_an_open_critical_item_the_day_after_its_deadline_is_weak() {
        assertThat(w09("2026-03-09", finding("C04")).weakTriggers()).containsExactly("W-09");
    }

    @Test
    void w09_an_open_critical_item_on_its_deadline_is_no_trigger() {
        assertThat(w09("2026-03-08", finding("C04")).weakTriggers()).isEmpty();
    }

    @Test
    void w09_a_submitted_critical_item_past_its_deadline_is_no_trigger() {
        assertThat(w09("2026-12-31", submitted("C04", "2026-04-01")).weakTriggers()).isEmpty();
    }

    @Test
    void w09_a_critical_item_submitted_after_the_as_of_date_is_still_open() {
        assertThat(w09("2026-03-20", submitted("C04", "2026-04-01")).weakTriggers()).containsExactly("W-09");
    }

    @Test
    void w09_an_overdue_major_item_is_no_trigger() {
        assertThat(w09("2026-12-31", finding("C03")).weakTriggers()).isEmpty();
    }

    @Test
    void w09_a_minor_item_set_critical_by_the_inspector_counts() {
        // C01 critical: 10 deducted, due 2026-03-08
        assertThat(w09("2026-03-09", finding("C01", Severity.CRITICAL)).weakTriggers()).containsExactly("W-09");
    }

    @Test
    void w09_a_critical_item_set_minor_by_the_inspector_does_not_count() {
        assertThat(w09("2026-12-31", finding("C04", Severity.MINOR)).weakTriggers()).isEmpty();
    }

    @Test
    void w09_an_overdue_critical_item_of_a_previous_period_counts() {
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026")
                .visit("A", "O1", "2025-06-01", VisitMode.OPEN, finding("C04")).result("O1", "2026");
        assertThat(r.weakTriggers()).containsExactly("W-09");
    }

    @Test
    void w09_a_rejected_critical_item_is_open_again() {
        OrganizationResult r = new PolicyHarness().history("A", 0, PolicyHarness.submit("2026-03-05"),
                        PolicyHarness.reject("2026-03-06"))
                .org("O1", OrgType.VILLAGE, "2026")
                .visit("A", "O1", "2026-03-01", VisitMode.OPEN, finding("C04")).result("O1", "2026", "2026-03-09");
        assertThat(r.weakTriggers()).containsExactly("W-09");
    }

    // ── W-10 committeeSeatsFilled × 2 < committeeSeatsRequired ───────────────────────────────

    @Test
    void w10_two_of_five_seats_are_weak() {
        assertThat(village(f -> {
            f.committeeSeatsFilled = 2;
            return f;
        }).weakTriggers()).containsExactly("W-10");
    }

    @Test
    void w10_three_of_five_seats_are_no_trigger() {
        assertThat(village(f -> {
            f.committeeSeatsFilled = 3;
            return f;
        }).weakTriggers()).isEmpty();
    }

    @Test
    void w10_exactly_half_the_seats_is_no_trigger() {
        assertThat(village(f -> {
            f.committeeSeatsRequired = 4;
            f.committeeSeatsFilled = 2;
            return f;
        }).weakTriggers()).isEmpty();
    }

    // ── W-11 composite < 60 ──────────────────────────────────────────────────────────────────
    // ORGAN with CHARISMA 0 and CB-01 0: 0.35 × 80 + 0 + 0.40 × 80 = 60

    private static UnaryOperator<Facts> organAtSixty() {
        return f -> {
            f.hasServiceCenter = false;
            f.contactPointAssigned = false;
            f.volunteerActivities = 0;
            f.massSatisfaction = 0;
            f.secretaryVacantMonths = 1;
            return f;
        };
    }

    @Test
    void w11_composite_of_exactly_60_is_no_trigger() {
        OrganizationResult r = result(OrgType.ORGAN, organAtSixty());
        assertThat(r.composite()).isEqualTo(60.0);
        assertThat(r.weakTriggers()).isEmpty();
        assertThat(r.tier()).isEqualTo(Tier.AVERAGE);
    }

    @Test
    void w11_composite_of_59_99_is_weak() {
        // CO-02 15 × 0.998 = 14.97: 0.35 × 79.97 + 32 = 59.9895 → 59.99
        OrganizationResult r = result(OrgType.ORGAN, f -> {
            organAtSixty().apply(f);
            f.studyAttendanceRate = 0.998;
            return f;
        });
        assertThat(r.composite()).isEqualTo(59.99);
        assertThat(r.weakTriggers()).containsExactly("W-11");
        assertThat(r.tier()).isEqualTo(Tier.WEAK);
    }

    // ── triggers in id order; tier thresholds ────────────────────────────────────────────────

    @Test
    void every_trigger_that_holds_is_listed_in_id_order() {
        // CHARISMA 50, COMBAT 0 + 4 + 15 + 0 + 20 + 20 = 59: 28 + 12.5 + 23.6 − 10 = 54.1 (W-11 too)
        OrganizationResult r = village(f -> {
            f.committeeSeatsFilled = 2;
            f.disciplineCasesLeadership = 1;
            f.secretaryVacantMonths = 6;
            f.disputesUnresolved = 5;
            f.hasServiceCenter = false;
            return f;
        });
        assertThat(r.composite()).isEqualTo(54.1);
        assertThat(r.weakTriggers()).containsExactly("W-01", "W-04", "W-06", "W-07", "W-10", "W-11");
        assertThat(r.reasons()).containsKeys("W-01", "W-04", "W-06", "W-07", "W-10", "W-11");
    }

    @Test
    void a_weak_organization_stays_weak_whatever_its_composite() {
        // CITY demonstration site: composite 91 − 10 (P-01) = 81, W-07
        OrganizationResult r = village(f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            f.disciplineCasesLeadership = 1;
            return f;
        });
        assertThat(r.composite()).isEqualTo(81.0);
        assertThat(r.tier()).isEqualTo(Tier.WEAK);
    }

    @Test
    void tier_composite_of_exactly_90_is_advanced() {
        // CHARISMA 100, COMBAT 92.5 (seats 3 of 4): 28 + 25 + 37 = 90
        OrganizationResult r = village(f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            f.committeeSeatsRequired = 4;
            f.committeeSeatsFilled = 3;
            return f;
        });
        assertThat(r.composite()).isEqualTo(90.0);
        assertThat(r.tier()).isEqualTo(Tier.ADVANCED);
    }

    @Test
    void tier_composite_of_89_99_is_good() {
        OrganizationResult r = village(f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            f.committeeSeatsRequired = 4;
            f.committeeSeatsFilled = 3;
            f.studyAttendanceRate = 0.998;
            return f;
        });
        assertThat(r.composite()).isEqualTo(89.99);
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
    }

    @Test
    void tier_composite_of_exactly_75_is_good() {
        // CHARISMA 60 (satisfaction 0), COMBAT 80 (secretary vacant): 28 + 15 + 32 = 75
        OrganizationResult r = village(f -> {
            f.massSatisfaction = 0;
            f.secretaryVacantMonths = 1;
            return f;
        });
        assertThat(r.composite()).isEqualTo(75.0);
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
    }

    @Test
    void tier_composite_of_74_99_is_average() {
        OrganizationResult r = village(f -> {
            f.massSatisfaction = 0;
            f.secretaryVacantMonths = 1;
            f.studyAttendanceRate = 0.998;
            return f;
        });
        assertThat(r.composite()).isEqualTo(74.99);
        assertThat(r.tier()).isEqualTo(Tier.AVERAGE);
    }

    // ── G-01 cap: would be ADVANCED with a MAJOR/CRITICAL finding not VERIFIED → GOOD ────────
    // 10 titled members and a CITY site: COHESION 100, CHARISMA 100, COMBAT 95, composite 98.
    // Visits on 2026-12-28 are due after the period end, so CB-06 and W-09 stay out of it.

    private static PolicyHarness outstanding() {
        return new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            return f;
        }).titledMembers("O1", "2026", 10);
    }

    @Test
    void g01_the_outstanding_organization_is_advanced_without_a_cap() {
        OrganizationResult r = outstanding().result("O1", "2026");
        assertThat(r.composite()).isEqualTo(98.0);
        assertThat(r.tier()).isEqualTo(Tier.ADVANCED);
        assertThat(r.flags()).isEmpty();
    }

    @Test
    void g01_an_open_major_finding_caps_advanced_to_good() {
        OrganizationResult r = outstanding().visit("A", "O1", "2026-12-28", VisitMode.OPEN, finding("C03"))
                .result("O1", "2026");
        assertThat(r.composite()).isEqualTo(98.8); // CB-05 22: 35 + 25 + 38.8
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
        assertThat(r.flags()).containsExactly(Flag.TIER_CAPPED);
        assertThat(r.reasons()).containsKey("TIER_CAPPED");
    }

    @Test
    void g01_a_submitted_major_finding_awaiting_verification_still_caps() {
        OrganizationResult r = outstanding()
                .visit("A", "O1", "2026-12-28", VisitMode.OPEN, submitted("C03", "2026-12-29")).result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
        assertThat(r.flags()).containsExactly(Flag.TIER_CAPPED);
    }

    @Test
    void g01_a_verified_major_finding_does_not_cap() {
        OrganizationResult r = outstanding()
                .visit("A", "O1", "2026-12-28", VisitMode.OPEN, verified("C03", "2026-12-29", "2026-12-30"))
                .result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.ADVANCED);
        assertThat(r.flags()).isEmpty();
    }

    @Test
    void g01_a_major_finding_verified_after_the_as_of_date_still_caps() {
        OrganizationResult r = outstanding()
                .visit("A", "O1", "2026-12-28", VisitMode.OPEN, rectified("C03", null,
                        new ImportedRectification(RectificationStatus.VERIFIED, LocalDate.parse("2026-12-29"),
                                LocalDate.parse("2027-01-05"))))
                .result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
        assertThat(r.flags()).containsExactly(Flag.TIER_CAPPED);
    }

    @Test
    void g01_an_unverified_critical_finding_caps() {
        // C04: visit 60, CB-05 15: 35 + 25 + 36 = 96
        OrganizationResult r = outstanding().visit("A", "O1", "2026-12-28", VisitMode.OPEN, finding("C04"))
                .result("O1", "2026");
        assertThat(r.composite()).isEqualTo(96.0);
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
        assertThat(r.flags()).containsExactly(Flag.TIER_CAPPED);
    }

    @Test
    void g01_an_open_minor_finding_does_not_cap() {
        OrganizationResult r = outstanding().visit("A", "O1", "2026-12-28", VisitMode.OPEN, finding("C01"))
                .result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.ADVANCED);
        assertThat(r.flags()).isEmpty();
    }

    @Test
    void g01_a_major_item_set_minor_by_the_inspector_does_not_cap() {
        OrganizationResult r = outstanding()
                .visit("A", "O1", "2026-12-28", VisitMode.OPEN, finding("C03", Severity.MINOR)).result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.ADVANCED);
    }

    @Test
    void g01_a_minor_item_set_major_by_the_inspector_caps() {
        OrganizationResult r = outstanding()
                .visit("A", "O1", "2026-12-28", VisitMode.OPEN, finding("C01", Severity.MAJOR)).result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
        assertThat(r.flags()).containsExactly(Flag.TIER_CAPPED);
    }

    @Test
    void g01_an_unverified_major_finding_of_a_previous_period_caps() {
        OrganizationResult r = outstanding().visit("A", "O1", "2025-06-01", VisitMode.OPEN, finding("C03"))
                .result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
        assertThat(r.flags()).containsExactly(Flag.TIER_CAPPED);
    }

    @Test
    void g01_a_major_finding_after_the_as_of_date_does_not_exist_yet() {
        OrganizationResult r = outstanding().visit("A", "O1", "2026-12-28", VisitMode.OPEN, finding("C03"))
                .result("O1", "2026", "2026-12-27");
        assertThat(r.tier()).isEqualTo(Tier.ADVANCED);
        assertThat(r.flags()).isEmpty();
    }

    @Test
    void g01_does_not_flag_a_good_organization_with_an_open_major_finding() {
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026")
                .visit("A", "O1", "2026-12-28", VisitMode.OPEN, finding("C03")).result("O1", "2026");
        assertThat(r.tier()).isEqualTo(Tier.GOOD);
        assertThat(r.flags()).isEmpty();
    }
}
