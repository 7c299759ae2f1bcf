package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.finding;
import static org.grassroots.assessment.rules.PolicyHarness.item;
import static org.grassroots.assessment.rules.PolicyHarness.items;
import static org.grassroots.assessment.rules.PolicyHarness.organization;
import static org.grassroots.assessment.rules.PolicyHarness.other;
import static org.grassroots.assessment.rules.PolicyHarness.reject;
import static org.grassroots.assessment.rules.PolicyHarness.submit;
import static org.grassroots.assessment.rules.PolicyHarness.submitted;
import static org.grassroots.assessment.rules.PolicyHarness.verified;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.rules.PolicyHarness.Facts;
import org.junit.jupiter.api.Test;

/**
 * Policy section 5: INSPECTION items (one per finding, due visit date + 30 / 15 / 7 days), GRADING
 * items (one per weak trigger due as-of + 90, W-FS due as-of + 30), STANDARD items S-01 … S-06
 * (due as-of + 60) and the order of the list. As of 2026-12-31: +30 = 2027-01-30, +60 = 2027-03-01,
 * +90 = 2027-03-31.
 */
class RectificationRulesTest {

    private static EvaluationResult evaluate(OrgType type, UnaryOperator<Facts> change) {
        return new PolicyHarness().org("O1", type, "2026", change).evaluate("2026");
    }

    /** One OPEN visit A of V1 on 2026-03-01 with the findings, evaluated as of the date. */
    private static EvaluationResult visited(String asOf, Finding... findings) {
        return new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-03-01", VisitMode.OPEN, findings).evaluate("2026", asOf);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    // ── INSPECTION ───────────────────────────────────────────────────────────────────────────

    @Test
    void inspection_a_minor_finding_opens_an_item_due_30_days_after_the_visit() {
        RectificationItem i = item(visited("2026-12-31", finding("C01", "周六上午未开门")), "V1", "C01");
        assertThat(i.source()).isEqualTo(RectificationSource.INSPECTION);
        assertThat(i.visitId()).isEqualTo("A");
        assertThat(i.position()).isEqualTo(0);
        assertThat(i.description()).isEqualTo("党群服务中心未按时开放：周六上午未开门");
        assertThat(i.deadline()).isEqualTo(date("2026-03-31"));
        assertThat(i.status()).isEqualTo(RectificationStatus.OPEN);
        assertThat(i.overdue()).isTrue();
    }

    @Test
    void inspection_a_major_finding_is_due_15_days_after_the_visit() {
        RectificationItem i = item(visited("2026-12-31", finding("C03")), "V1", "C03");
        assertThat(i.deadline()).isEqualTo(date("2026-03-16"));
        assertThat(i.description()).isEqualTo("三会一课记录缺失、不规范");
    }

    @Test
    void inspection_a_critical_finding_is_due_7_days_after_the_visit() {
        assertThat(item(visited("2026-12-31", finding("C04")), "V1", "C04").deadline())
                .isEqualTo(date("2026-03-08"));
    }

    @Test
    void inspection_the_deadline_follows_the_severity_set_by_the_inspector() {
        assertThat(item(visited("2026-12-31", finding("C01", Severity.CRITICAL)), "V1", "C01").deadline())
                .isEqualTo(date("2026-03-08"));
        assertThat(item(visited("2026-12-31", finding("C04", Severity.MINOR)), "V1", "C04").deadline())
                .isEqualTo(date("2026-03-31"));
        assertThat(item(visited("2026-12-31", finding("C07", Severity.MINOR)), "V1", "C07").deadline())
                .isEqualTo(date("2026-03-31"));
    }

    @Test
    void inspection_a_c12_finding_opens_an_item_of_rule_c12() {
        RectificationItem i = item(visited("2026-12-31", other(4)), "V1", "C12");
        assertThat(i.description()).isEqualTo("其他：其他问题");
        assertThat(i.deadline()).isEqualTo(date("2026-03-31"));
    }

    @Test
    void inspection_one_item_per_finding_with_its_position() {
        List<RectificationItem> list = items(visited("2026-12-31", finding("C01"), finding("C01")), "V1");
        assertThat(list).extracting(RectificationItem::position).containsExactly(0, 1);
    }

    @Test
    void inspection_an_open_item_on_its_deadline_is_not_overdue() {
        assertThat(item(visited("2026-03-31", finding("C01")), "V1", "C01").overdue()).isFalse();
    }

    @Test
    void inspection_an_open_item_the_day_after_its_deadline_is_overdue() {
        assertThat(item(visited("2026-04-01", finding("C01")), "V1", "C01").overdue()).isTrue();
    }

    @Test
    void inspection_a_submitted_item_past_its_deadline_is_listed_and_not_overdue() {
        RectificationItem i = item(visited("2026-12-31", submitted("C01", "2026-04-10")), "V1", "C01");
        assertThat(i.status()).isEqualTo(RectificationStatus.SUBMITTED);
        assertThat(i.overdue()).isFalse();
    }

    @Test
    void inspection_a_verified_item_is_not_listed() {
        assertThat(items(visited("2026-12-31", verified("C01", "2026-03-20", "2026-03-25")), "V1")).isEmpty();
    }

    @Test
    void inspection_an_item_verified_after_the_as_of_date_is_listed_as_submitted() {
        Finding f = verified("C01", "2026-03-20", "2026-04-10");
        RectificationItem i = item(visited("2026-04-01", f), "V1", "C01");
        assertThat(i.status()).isEqualTo(RectificationStatus.SUBMITTED);
        assertThat(items(visited("2026-04-10", f), "V1")).isEmpty();
    }

    @Test
    void inspection_an_item_submitted_after_the_as_of_date_is_still_open_and_overdue() {
        RectificationItem i = item(visited("2026-04-05", submitted("C01", "2026-04-10")), "V1", "C01");
        assertThat(i.status()).isEqualTo(RectificationStatus.OPEN);
        assertThat(i.overdue()).isTrue();
    }

    @Test
    void inspection_a_rejected_item_is_open_again_and_overdue() {
        EvaluationResult result = new PolicyHarness().history("A", 0, submit("2026-03-20"), reject("2026-04-02"))
                .org("V1", OrgType.VILLAGE, "2026").visit("A", "V1", "2026-03-01", VisitMode.OPEN, finding("C01"))
                .evaluate("2026", "2026-12-31");
        RectificationItem i = item(result, "V1", "C01");
        assertThat(i.status()).isEqualTo(RectificationStatus.OPEN);
        assertThat(i.overdue()).isTrue();
    }

    @Test
    void inspection_a_finding_after_the_as_of_date_opens_no_item_yet() {
        EvaluationResult result = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-07-01", VisitMode.OPEN, finding("C01")).evaluate("2026", "2026-06-30");
        assertThat(items(result, "V1")).isEmpty();
    }

    @Test
    void inspection_an_open_item_of_a_previous_period_is_listed() {
        EvaluationResult result = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2025-06-01", VisitMode.OPEN, finding("C01")).evaluate("2026");
        RectificationItem i = item(result, "V1", "C01");
        assertThat(i.deadline()).isEqualTo(date("2025-07-01"));
        assertThat(i.overdue()).isTrue();
    }

    // ── GRADING ──────────────────────────────────────────────────────────────────────────────

    @Test
    void grading_a_weak_trigger_opens_an_item_due_as_of_plus_90_days() {
        RectificationItem i = item(evaluate(OrgType.VILLAGE, f -> {
            f.secretaryVacantMonths = 6;
            return f;
        }), "O1", "W-01");
        assertThat(i.source()).isEqualTo(RectificationSource.GRADING);
        assertThat(i.description()).isEqualTo("书记长期空缺");
        assertThat(i.deadline()).isEqualTo(date("2027-03-31"));
        assertThat(i.status()).isEqualTo(RectificationStatus.OPEN);
        assertThat(i.overdue()).isFalse();
        assertThat(i.visitId()).isNull();
    }

    @Test
    void grading_one_item_per_trigger() {
        List<RectificationItem> list = items(evaluate(OrgType.ORGAN, f -> {
            f.secretaryVacantMonths = 6;
            f.disputesUnresolved = 5;
            return f;
        }), "O1");
        assertThat(list).extracting(RectificationItem::rule).containsExactly("W-01", "W-06");
        assertThat(list).extracting(RectificationItem::description).containsExactly("书记长期空缺", "矛盾纠纷、信访突出");
    }

    @Test
    void grading_no_item_for_an_organization_that_is_not_weak() {
        assertThat(items(evaluate(OrgType.VILLAGE, f -> {
            f.secretaryVacantMonths = 5;
            f.firstSecretaryAssigned = false;
            return f;
        }), "O1")).isEmpty();
    }

    @Test
    void grading_a_mid_year_as_of_date_counts_90_days_from_it() {
        EvaluationResult result = new PolicyHarness().org("O1", OrgType.ORGAN, "2026", f -> {
            f.secretaryVacantMonths = 6;
            return f;
        }).evaluate("2026", "2026-07-15");
        assertThat(item(result, "O1", "W-01").deadline()).isEqualTo(date("2026-10-13"));
    }

    @Test
    void wfs_a_weak_village_without_a_first_secretary_gets_one_due_as_of_plus_30_days() {
        RectificationItem i = item(evaluate(OrgType.VILLAGE, f -> {
            f.secretaryVacantMonths = 6;
            f.firstSecretaryAssigned = false;
            return f;
        }), "O1", "W-FS");
        assertThat(i.source()).isEqualTo(RectificationSource.GRADING);
        assertThat(i.description()).isEqualTo("选派第一书记");
        assertThat(i.deadline()).isEqualTo(date("2027-01-30"));
    }

    @Test
    void wfs_a_weak_community_without_a_first_secretary_gets_one() {
        assertThat(item(evaluate(OrgType.COMMUNITY, f -> {
            f.disputesUnresolved = 5;
            f.firstSecretaryAssigned = false;
            return f;
        }), "O1", "W-FS")).isNotNull();
    }

    @Test
    void wfs_not_when_a_first_secretary_is_assigned() {
        assertThat(item(evaluate(OrgType.VILLAGE, f -> {
            f.secretaryVacantMonths = 6;
            return f;
        }), "O1", "W-FS")).isNull();
    }

    @Test
    void wfs_not_for_a_weak_organ() {
        assertThat(item(evaluate(OrgType.ORGAN, f -> {
            f.secretaryVacantMonths = 6;
            f.firstSecretaryAssigned = false;
            return f;
        }), "O1", "W-FS")).isNull();
    }

    @Test
    void wfs_not_for_a_village_that_is_not_weak() {
        assertThat(item(evaluate(OrgType.VILLAGE, f -> {
            f.firstSecretaryAssigned = false;
            return f;
        }), "O1", "W-FS")).isNull();
    }

    @Test
    void wfs_a_mid_year_as_of_date_counts_30_days_from_it() {
        EvaluationResult result = new PolicyHarness().org("O1", OrgType.VILLAGE, "2026", f -> {
            f.secretaryVacantMonths = 6;
            f.firstSecretaryAssigned = false;
            return f;
        }).evaluate("2026", "2026-07-15");
        assertThat(item(result, "O1", "W-FS").deadline()).isEqualTo(date("2026-08-14"));
    }

    // ── STANDARD S-01 … S-06, due as-of + 60 ─────────────────────────────────────────────────

    @Test
    void s01_a_village_center_lacking_signage_gets_an_item_naming_it() {
        RectificationItem i = item(evaluate(OrgType.VILLAGE, f -> {
            f.centerSignage = false;
            return f;
        }), "O1", "S-01");
        assertThat(i.source()).isEqualTo(RectificationSource.STANDARD);
        assertThat(i.description()).startsWith("完善党群服务中心\"四统一\"").contains("标识")
                .doesNotContain("外观", "配置", "氛围");
        assertThat(i.deadline()).isEqualTo(date("2027-03-01"));
        assertThat(i.overdue()).isFalse();
    }

    @Test
    void s01_a_community_center_lacking_two_elements_names_both() {
        RectificationItem i = item(evaluate(OrgType.COMMUNITY, f -> {
            f.centerAppearance = false;
            f.centerAtmosphere = false;
            return f;
        }), "O1", "S-01");
        assertThat(i.description()).contains("外观", "氛围").doesNotContain("标识", "配置");
    }

    @Test
    void s01_not_for_a_center_with_all_four_elements() {
        assertThat(item(evaluate(OrgType.VILLAGE, f -> f), "O1", "S-01")).isNull();
    }

    @Test
    void s01_not_for_a_village_without_a_center() {
        assertThat(item(evaluate(OrgType.VILLAGE, f -> {
            f.hasServiceCenter = false;
            f.centerSignage = false;
            return f;
        }), "O1", "S-01")).isNull();
    }

    @Test
    void s01_not_for_an_organ() {
        assertThat(item(evaluate(OrgType.ORGAN, f -> {
            f.centerSignage = false;
            return f;
        }), "O1", "S-01")).isNull();
    }

    @Test
    void s02_floating_members_with_a_ledger_not_up_to_date_get_an_item() {
        RectificationItem i = item(evaluate(OrgType.ORGAN, f -> {
            f.floatingMembers = 2;
            f.floatingMembersInContact = 2;
            f.floatingLedgerUpToDate = false;
            return f;
        }), "O1", "S-02");
        assertThat(i.description()).isEqualTo("更新流动党员登记台账");
        assertThat(i.deadline()).isEqualTo(date("2027-03-01"));
    }

    @Test
    void s02_not_with_the_ledger_up_to_date() {
        assertThat(item(evaluate(OrgType.ORGAN, f -> {
            f.floatingMembers = 2;
            f.floatingMembersInContact = 2;
            return f;
        }), "O1", "S-02")).isNull();
    }

    @Test
    void s02_not_without_floating_members() {
        assertThat(item(evaluate(OrgType.ORGAN, f -> {
            f.floatingLedgerUpToDate = false;
            return f;
        }), "O1", "S-02")).isNull();
    }

    @Test
    void s03_an_enterprise_missing_an_integration_item_gets_an_item_naming_it() {
        RectificationItem i = item(evaluate(OrgType.ENTERPRISE, f -> {
            f.integrationJointSystems = false;
            return f;
        }), "O1", "S-03");
        assertThat(i.description()).startsWith("推进党群一体化建设").contains("党群一体化工作制度")
                .doesNotContain("工作机构");
        assertThat(i.deadline()).isEqualTo(date("2027-03-01"));
    }

    @Test
    void s03_a_social_org_missing_an_integration_item_gets_an_item() {
        assertThat(item(evaluate(OrgType.SOCIAL_ORG, f -> {
            f.integrationSharedVenue = false;
            return f;
        }), "O1", "S-03")).isNotNull();
    }

    @Test
    void s03_not_with_all_five_integration_items() {
        assertThat(item(evaluate(OrgType.ENTERPRISE, f -> f), "O1", "S-03")).isNull();
    }

    @Test
    void s03_not_for_a_village() {
        assertThat(item(evaluate(OrgType.VILLAGE, f -> {
            f.integrationJointSystems = false;
            return f;
        }), "O1", "S-03")).isNull();
    }

    @Test
    void s04_an_enterprise_without_a_reserve_fund_gets_an_item() {
        RectificationItem i = item(evaluate(OrgType.ENTERPRISE, f -> {
            f.reserveFundBalanceYuan = 0;
            return f;
        }), "O1", "S-04");
        assertThat(i.description()).isEqualTo("建立党建\"公积金\"");
        assertThat(i.deadline()).isEqualTo(date("2027-03-01"));
    }

    @Test
    void s04_not_with_a_reserve_fund_of_one_cent() {
        assertThat(item(evaluate(OrgType.ENTERPRISE, f -> {
            f.reserveFundBalanceYuan = 0.01;
            return f;
        }), "O1", "S-04")).isNull();
    }

    @Test
    void s04_not_for_a_social_org() {
        assertThat(item(evaluate(OrgType.SOCIAL_ORG, f -> {
            f.reserveFundBalanceYuan = 0;
            return f;
        }), "O1", "S-04")).isNull();
    }

    private static RectificationItem s05(OrgType type, EnterpriseCategory category, boolean guideAssigned) {
        EvaluationResult result = new PolicyHarness().organization(organization("O1", type, null, category, false))
                .org("O1", type, "2026", f -> {
                    f.guideAssigned = guideAssigned;
                    return f;
                }).evaluate("2026");
        return item(result, "O1", "S-05");
    }

    @Test
    void s05_a_key_enterprise_without_a_guide_gets_an_instructor_zhidaoshi() {
        RectificationItem i = s05(OrgType.ENTERPRISE, EnterpriseCategory.KEY, false);
        assertThat(i.description()).isEqualTo("选派党建指导师");
        assertThat(i.deadline()).isEqualTo(date("2027-03-01"));
    }

    @Test
    void s05_an_incubated_tech_enterprise_without_a_guide_gets_a_guide_zhidaoyuan() {
        assertThat(s05(OrgType.ENTERPRISE, EnterpriseCategory.INCUBATED_TECH, false).description())
                .isEqualTo("选派党建指导员");
    }

    @Test
    void s05_a_township_enterprise_without_a_guide_gets_a_guide_zhidaoyuan() {
        assertThat(s05(OrgType.ENTERPRISE, EnterpriseCategory.TOWNSHIP, false).description())
                .isEqualTo("选派党建指导员");
    }

    @Test
    void s05_a_social_org_without_a_guide_gets_a_guide_zhidaoyuan() {
        assertThat(s05(OrgType.SOCIAL_ORG, null, false).description()).isEqualTo("选派党建指导员");
    }

    @Test
    void s05_not_with_a_guide_assigned() {
        assertThat(s05(OrgType.ENTERPRISE, EnterpriseCategory.KEY, true)).isNull();
    }

    @Test
    void s05_not_for_a_village_without_a_guide() {
        assertThat(s05(OrgType.VILLAGE, null, false)).isNull();
    }

    @Test
    void s06_no_organizational_life_meeting_in_a_whole_year_gets_an_item() {
        RectificationItem i = item(evaluate(OrgType.ORGAN, f -> {
            f.organizationalLifeMeetingHeld = false;
            return f;
        }), "O1", "S-06");
        assertThat(i.description()).isEqualTo("召开年度组织生活会");
        assertThat(i.deadline()).isEqualTo(date("2027-03-01"));
    }

    @Test
    void s06_not_when_the_meeting_was_held() {
        assertThat(item(evaluate(OrgType.ORGAN, f -> f), "O1", "S-06")).isNull();
    }

    @Test
    void s06_not_in_a_window_ending_a_day_before_the_year_ends() {
        EvaluationResult result = new PolicyHarness().org("O1", OrgType.ORGAN, "2026", f -> {
            f.organizationalLifeMeetingHeld = false;
            return f;
        }).evaluate("2026", "2026-12-30");
        assertThat(item(result, "O1", "S-06")).isNull();
    }

    @Test
    void standard_items_are_produced_whatever_the_tier() {
        // ADVANCED (CITY site) and WEAK (W-01) alike
        EvaluationResult result = new PolicyHarness().org("A1", OrgType.ENTERPRISE, "2026", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            f.reserveFundBalanceYuan = 0;
            return f;
        }).org("W1", OrgType.ENTERPRISE, "2026", f -> {
            f.secretaryVacantMonths = 6;
            f.reserveFundBalanceYuan = 0;
            return f;
        }).evaluate("2026");
        assertThat(item(result, "A1", "S-04")).isNotNull();
        assertThat(item(result, "W1", "S-04")).isNotNull();
    }

    @Test
    void standard_a_mid_year_as_of_date_counts_60_days_from_it() {
        EvaluationResult result = new PolicyHarness().org("O1", OrgType.ENTERPRISE, "2026", f -> {
            f.reserveFundBalanceYuan = 0;
            return f;
        }).evaluate("2026", "2026-07-15");
        assertThat(item(result, "O1", "S-04").deadline()).isEqualTo(date("2026-09-13"));
    }

    // ── order: organization code, deadline, rule id, visit id, position ──────────────────────

    @Test
    void the_list_is_ordered_by_organization_deadline_rule_visit_and_position() {
        EvaluationResult result = new PolicyHarness()
                .org("A1", OrgType.VILLAGE, "2026", f -> {
                    f.secretaryVacantMonths = 6;            // W-01, +90
                    f.firstSecretaryAssigned = false;       // W-FS, +30
                    f.centerSignage = false;                // S-01, +60
                    f.floatingMembers = 2;
                    f.floatingMembersInContact = 2;
                    f.floatingLedgerUpToDate = false;       // S-02, +60
                    f.organizationalLifeMeetingHeld = false; // S-06, +60
                    return f;
                })
                .org("B1", OrgType.ORGAN, "2026", f -> {
                    f.organizationalLifeMeetingHeld = false; // S-06, +60
                    return f;
                })
                // due 2026-12-31 (minor)
                .visit("V2", "A1", "2026-12-01", VisitMode.OPEN, finding("C05"), finding("C01"), finding("C05"))
                .visit("V1", "A1", "2026-12-01", VisitMode.COVERT, finding("C05"))
                // due 2027-01-04 (major) and 2027-01-01 (critical)
                .visit("V3", "A1", "2026-12-20", VisitMode.OPEN, finding("C03"))
                .visit("V0", "A1", "2026-12-25", VisitMode.OPEN, finding("C04"))
                // B1: due 2026-12-01, earlier than all of A1's, but B1 comes after A1
                .visit("V9", "B1", "2026-11-01", VisitMode.OPEN, finding("C01"))
                .evaluate("2026");
        assertThat(result.rectifications()).extracting(i -> i.orgCode() + " " + i.deadline() + " " + i.rule()
                + (i.visitId() == null ? "" : " " + i.visitId() + "#" + i.position())).containsExactly(
                "A1 2026-12-31 C01 V2#1",
                "A1 2026-12-31 C05 V1#0",
                "A1 2026-12-31 C05 V2#0",
                "A1 2026-12-31 C05 V2#2",
                "A1 2027-01-01 C04 V0#0",
                "A1 2027-01-04 C03 V3#0",
                "A1 2027-01-30 W-FS",
                "A1 2027-03-01 S-01",
                "A1 2027-03-01 S-02",
                "A1 2027-03-01 S-06",
                "A1 2027-03-31 W-01",
                "B1 2026-12-01 C01 V9#0",
                "B1 2027-03-01 S-06");
    }
}
