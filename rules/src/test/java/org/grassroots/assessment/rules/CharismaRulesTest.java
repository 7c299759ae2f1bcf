package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.points;

import java.util.function.UnaryOperator;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.rules.PolicyHarness.Facts;
import org.junit.jupiter.api.Test;

/** Policy section 3, CHARISMA: CH-01 for each group of types, CH-02 prorated, CH-03, CH-04. */
class CharismaRulesTest {

    private static OrganizationResult result(OrgType type, UnaryOperator<Facts> change) {
        return new PolicyHarness().org("O1", type, "2026", change).result("O1", "2026");
    }

    private static Double ch(OrgType type, String rule, UnaryOperator<Facts> change) {
        return points(result(type, change), rule);
    }

    // ── CH-01 VILLAGE, COMMUNITY: service center 20 + 5 per "four unified" element ──────────

    @Test
    void ch01_village_center_with_all_four_elements_gives_40() {
        assertThat(ch(OrgType.VILLAGE, "CH-01", f -> f)).isEqualTo(40.0);
    }

    @Test
    void ch01_village_center_missing_two_elements_gives_30() {
        assertThat(ch(OrgType.VILLAGE, "CH-01", f -> {
            f.centerSignage = false;
            f.centerAtmosphere = false;
            return f;
        })).isEqualTo(30.0);
    }

    @Test
    void ch01_village_center_without_any_element_gives_20() {
        assertThat(ch(OrgType.VILLAGE, "CH-01", f -> {
            f.centerSignage = false;
            f.centerAppearance = false;
            f.centerEquipment = false;
            f.centerAtmosphere = false;
            return f;
        })).isEqualTo(20.0);
    }

    @Test
    void ch01_village_without_a_center_gives_0_even_with_the_elements() {
        assertThat(ch(OrgType.VILLAGE, "CH-01", f -> {
            f.hasServiceCenter = false;
            return f;
        })).isEqualTo(0.0);
    }

    @Test
    void ch01_community_center_missing_equipment_gives_35() {
        assertThat(ch(OrgType.COMMUNITY, "CH-01", f -> {
            f.centerEquipment = false;
            return f;
        })).isEqualTo(35.0);
    }

    @Test
    void ch01_village_ignores_integration_items_and_guide() {
        assertThat(ch(OrgType.VILLAGE, "CH-01", f -> {
            f.integrationWorkingBody = false;
            f.integrationJointSystems = false;
            f.guideAssigned = false;
            f.contactPointAssigned = false;
            return f;
        })).isEqualTo(40.0);
    }

    // ── CH-01 ENTERPRISE, SOCIAL_ORG: 6 per integration item + 10 with a guide ────────────────

    @Test
    void ch01_enterprise_with_five_integration_items_and_a_guide_gives_40() {
        assertThat(ch(OrgType.ENTERPRISE, "CH-01", f -> f)).isEqualTo(40.0);
    }

    @Test
    void ch01_enterprise_missing_one_integration_item_gives_34() {
        assertThat(ch(OrgType.ENTERPRISE, "CH-01", f -> {
            f.integrationSharedVenue = false;
            return f;
        })).isEqualTo(34.0);
    }

    @Test
    void ch01_enterprise_without_a_guide_gives_30() {
        assertThat(ch(OrgType.ENTERPRISE, "CH-01", f -> {
            f.guideAssigned = false;
            return f;
        })).isEqualTo(30.0);
    }

    @Test
    void ch01_social_org_with_nothing_gives_0() {
        assertThat(ch(OrgType.SOCIAL_ORG, "CH-01", f -> {
            f.integrationWorkingBody = false;
            f.integrationCrossAppointment = false;
            f.integrationSharedVenue = false;
            f.integrationJointActivities = false;
            f.integrationJointSystems = false;
            f.guideAssigned = false;
            return f;
        })).isEqualTo(0.0);
    }

    @Test
    void ch01_social_org_with_a_guide_only_gives_10() {
        assertThat(ch(OrgType.SOCIAL_ORG, "CH-01", f -> {
            f.integrationWorkingBody = false;
            f.integrationCrossAppointment = false;
            f.integrationSharedVenue = false;
            f.integrationJointActivities = false;
            f.integrationJointSystems = false;
            return f;
        })).isEqualTo(10.0);
    }

    @Test
    void ch01_enterprise_ignores_the_service_center() {
        assertThat(ch(OrgType.ENTERPRISE, "CH-01", f -> {
            f.hasServiceCenter = false;
            f.contactPointAssigned = false;
            return f;
        })).isEqualTo(40.0);
    }

    // ── CH-01 ORGAN: 20 with a service center + 20 with a contact point ──────────────────────

    @Test
    void ch01_organ_with_center_and_contact_point_gives_40() {
        assertThat(ch(OrgType.ORGAN, "CH-01", f -> f)).isEqualTo(40.0);
    }

    @Test
    void ch01_organ_with_a_center_only_gives_20() {
        assertThat(ch(OrgType.ORGAN, "CH-01", f -> {
            f.contactPointAssigned = false;
            return f;
        })).isEqualTo(20.0);
    }

    @Test
    void ch01_organ_with_a_contact_point_only_gives_20() {
        assertThat(ch(OrgType.ORGAN, "CH-01", f -> {
            f.hasServiceCenter = false;
            return f;
        })).isEqualTo(20.0);
    }

    @Test
    void ch01_organ_with_neither_gives_0() {
        assertThat(ch(OrgType.ORGAN, "CH-01", f -> {
            f.hasServiceCenter = false;
            f.contactPointAssigned = false;
            return f;
        })).isEqualTo(0.0);
    }

    @Test
    void ch01_organ_ignores_the_four_unified_elements() {
        assertThat(ch(OrgType.ORGAN, "CH-01", f -> {
            f.centerSignage = false;
            f.centerAppearance = false;
            f.centerEquipment = false;
            f.centerAtmosphere = false;
            return f;
        })).isEqualTo(40.0);
    }

    // ── CH-02 20 × min(1, volunteerActivities / m) ───────────────────────────────────────────

    @Test
    void ch02_twelve_activities_in_a_year_give_20() {
        assertThat(ch(OrgType.VILLAGE, "CH-02", f -> f)).isEqualTo(20.0);
    }

    @Test
    void ch02_eleven_activities_in_a_year_give_18_33() {
        assertThat(ch(OrgType.VILLAGE, "CH-02", f -> {
            f.volunteerActivities = 11;
            return f;
        })).isEqualTo(18.33);
    }

    @Test
    void ch02_more_activities_than_months_are_capped_at_20() {
        assertThat(ch(OrgType.VILLAGE, "CH-02", f -> {
            f.volunteerActivities = 24;
            return f;
        })).isEqualTo(20.0);
    }

    @Test
    void ch02_no_activity_gives_a_0_line() {
        assertThat(ch(OrgType.VILLAGE, "CH-02", f -> {
            f.volunteerActivities = 0;
            return f;
        })).isEqualTo(0.0);
    }

    @Test
    void ch02_six_activities_as_of_15_july_are_just_below_the_prorated_months() {
        // m = 196/365 × 12 = 6.443836: 20 × 6 / 6.443836 = 18.6224 → 18.62
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.volunteerActivities = 6;
            return f;
        }).result("O1", "2026", "2026-07-15");
        assertThat(points(r, "CH-02")).isEqualTo(18.62);
    }

    @Test
    void ch02_seven_activities_as_of_15_july_exceed_the_prorated_months_and_give_20() {
        OrganizationResult r = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.volunteerActivities = 7;
            return f;
        }).result("O1", "2026", "2026-07-15");
        assertThat(points(r, "CH-02")).isEqualTo(20.0);
    }

    // ── CH-03 30 × massSatisfaction, CH-04 demonstration level ───────────────────────────────

    @Test
    void ch03_full_satisfaction_gives_30() {
        assertThat(ch(OrgType.VILLAGE, "CH-03", f -> f)).isEqualTo(30.0);
    }

    @Test
    void ch03_satisfaction_0_87_gives_26_1() {
        assertThat(ch(OrgType.VILLAGE, "CH-03", f -> {
            f.massSatisfaction = 0.87;
            return f;
        })).isEqualTo(26.1);
    }

    @Test
    void ch03_satisfaction_0_555_gives_16_65() {
        assertThat(ch(OrgType.VILLAGE, "CH-03", f -> {
            f.massSatisfaction = 0.555;
            return f;
        })).isEqualTo(16.65);
    }

    @Test
    void ch04_city_demonstration_site_gives_10() {
        assertThat(ch(OrgType.VILLAGE, "CH-04", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            return f;
        })).isEqualTo(10.0);
    }

    @Test
    void ch04_district_demonstration_site_gives_5() {
        assertThat(ch(OrgType.VILLAGE, "CH-04", f -> {
            f.demonstrationLevel = DemonstrationLevel.DISTRICT;
            return f;
        })).isEqualTo(5.0);
    }

    @Test
    void ch04_no_demonstration_site_gives_a_0_line() {
        assertThat(ch(OrgType.VILLAGE, "CH-04", f -> f)).isEqualTo(0.0);
    }

    @Test
    void charisma_is_the_sum_of_ch01_to_ch04() {
        // 35 + 18.33 + 26.1 + 5
        OrganizationResult r = result(OrgType.VILLAGE, f -> {
            f.centerEquipment = false;
            f.volunteerActivities = 11;
            f.massSatisfaction = 0.87;
            f.demonstrationLevel = DemonstrationLevel.DISTRICT;
            return f;
        });
        assertThat(r.charisma()).isEqualTo(84.43);
    }
}
