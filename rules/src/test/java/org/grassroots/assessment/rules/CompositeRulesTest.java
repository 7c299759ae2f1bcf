package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.finding;
import static org.grassroots.assessment.rules.PolicyHarness.line;
import static org.grassroots.assessment.rules.PolicyHarness.other;
import static org.grassroots.assessment.rules.PolicyHarness.points;
import static org.grassroots.assessment.rules.PolicyHarness.rules;

import java.util.List;
import java.util.function.UnaryOperator;
import org.grassroots.assessment.evaluation.Dimension;
import org.grassroots.assessment.evaluation.ExplanationLine;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.rules.PolicyHarness.Facts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Policy section 3: a force is the sum of its lines clamped to [0, 100]; the composite is
 * round2(0.35 × COHESION + 0.25 × CHARISMA + 0.40 × COMBAT) + P-01 + P-02, floored at 0.
 * The exemplary organization of every type has COHESION 80 (no member records: CO-04 0),
 * CHARISMA 90 (CH-04 0) and COMBAT 95 (CB-05 20 without a visit): composite 28 + 22.5 + 38 = 88.5.
 */
class CompositeRulesTest {

    private static OrganizationResult result(UnaryOperator<Facts> change) {
        return new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", change).result("V1", "2026");
    }

    @ParameterizedTest
    @EnumSource(OrgType.class)
    void the_exemplary_organization_of_every_type_has_forces_80_90_95_and_composite_88_5(OrgType type) {
        OrganizationResult r = new PolicyHarness().org("O1", type, "2026").result("O1", "2026");
        assertThat(r.cohesion()).isEqualTo(80.0);
        assertThat(r.charisma()).isEqualTo(90.0);
        assertThat(r.combat()).isEqualTo(95.0);
        assertThat(r.composite()).isEqualTo(88.5);
    }

    @ParameterizedTest
    @EnumSource(OrgType.class)
    void every_organization_gets_exactly_one_line_of_each_force_rule_in_policy_order(OrgType type) {
        OrganizationResult r = new PolicyHarness().org("O1", type, "2026", f -> {
            f.studyAttendanceRate = 0;
            f.massSatisfaction = 0;
            f.secretaryVacantMonths = 1;
            return f;
        }).result("O1", "2026");
        assertThat(rules(r)).containsExactly("CO-01", "CO-02", "CO-03", "CO-04", "CH-01", "CH-02", "CH-03", "CH-04",
                "CB-01", "CB-02", "CB-03", "CB-04", "CB-05", "CB-06");
        assertThat(r.explanation()).allSatisfy(l -> assertThat(l.reason()).isNotBlank());
    }

    @Test
    void explanation_lines_come_in_policy_order_co_ch_cb_p() {
        OrganizationResult r = result(f -> {
            f.collectiveIncomeYuan = 0;
            f.disciplineCasesLeadership = 1;
            f.disciplineCasesMembers = 1;
            return f;
        });
        assertThat(rules(r)).containsExactly("CO-01", "CO-02", "CO-03", "CO-04", "CH-01", "CH-02", "CH-03", "CH-04",
                "CB-01", "CB-02", "CB-03", "CB-04", "CB-05", "CB-06", "CB-07", "P-01", "P-02");
    }

    @Test
    void each_force_is_the_sum_of_its_lines() {
        OrganizationResult r = result(f -> {
            f.studyAttendanceRate = 0.97;
            f.massSatisfaction = 0.87;
            f.disputesUnresolved = 1;
            return f;
        });
        for (Dimension d : List.of(Dimension.COHESION, Dimension.CHARISMA, Dimension.COMBAT)) {
            double sum = r.explanation().stream().filter(l -> l.dimension() == d).mapToDouble(ExplanationLine::points)
                    .sum();
            double force = d == Dimension.COHESION ? r.cohesion() : d == Dimension.CHARISMA ? r.charisma() : r.combat();
            assertThat(force).as(d.name()).isEqualTo(Math.round(sum * 100) / 100.0);
        }
        // 50 + 14.55 + 15 + 0; 40 + 20 + 26.1 + 0; 15 + 10 + 15 + 12 + 20 + 20
        assertThat(r.cohesion()).isEqualTo(79.55);
        assertThat(r.charisma()).isEqualTo(86.1);
        assertThat(r.combat()).isEqualTo(92.0);
    }

    @Test
    void combat_lines_summing_below_0_are_clamped_to_0() {
        // CB-01 0, CB-02 0, CB-03 0, CB-04 0, CB-05 0 (visit scored 0), CB-06 0 (items overdue), CB-07 −10
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.secretaryVacantMonths = 1;
            f.committeeSeatsFilled = 0;
            f.newMembers = 0;
            f.yearsSinceLastNewMember = 3;
            f.disputesUnresolved = 5;
            f.collectiveIncomeYuan = 0;
            return f;
        }).visit("A", "V1", "2026-03-01", VisitMode.OPEN, finding("C04"), other(20, Severity.CRITICAL),
                finding("C07")).result("V1", "2026");
        assertThat(points(r, "CB-05")).isEqualTo(0.0);
        assertThat(points(r, "CB-06")).isEqualTo(0.0);
        assertThat(points(r, "CB-07")).isEqualTo(-10.0);
        assertThat(r.combat()).isEqualTo(0.0);
    }

    @Test
    void forces_at_their_maximum_are_100_and_so_is_the_composite() {
        // the shipped points cannot add up to more than 100 in any force, so the upper clamp is not reached
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            return f;
        }).titledMembers("V1", "2026", 10).visit("A", "V1", "2026-06-01", VisitMode.COVERT).result("V1", "2026");
        assertThat(r.cohesion()).isEqualTo(100.0);
        assertThat(r.charisma()).isEqualTo(100.0);
        assertThat(r.combat()).isEqualTo(100.0);
        assertThat(r.composite()).isEqualTo(100.0);
    }

    @Test
    void composite_weighs_the_forces_35_25_40() {
        // 0.35 × 79.55 + 0.25 × 90 + 0.40 × 95 = 27.8425 + 22.5 + 38 = 88.3425 → 88.34
        assertThat(result(f -> {
            f.studyAttendanceRate = 0.97;
            return f;
        }).composite()).isEqualTo(88.34);
    }

    @Test
    void composite_is_rounded_half_up() {
        // CHARISMA 40 + 20 + 24.9 = 84.9: 28 + 21.225 + 38 = 87.225 → 87.23
        assertThat(result(f -> {
            f.massSatisfaction = 0.83;
            return f;
        }).composite()).isEqualTo(87.23);
    }

    @Test
    void p01_one_leadership_case_takes_10_from_the_composite() {
        OrganizationResult r = result(f -> {
            f.disciplineCasesLeadership = 1;
            return f;
        });
        assertThat(line(r, "P-01").points()).isEqualTo(-10.0);
        assertThat(line(r, "P-01").dimension()).isEqualTo(Dimension.COMPOSITE);
        assertThat(r.composite()).isEqualTo(78.5);
    }

    @Test
    void p02_three_member_cases_take_6_from_the_composite() {
        OrganizationResult r = result(f -> {
            f.disciplineCasesMembers = 3;
            return f;
        });
        assertThat(line(r, "P-02").points()).isEqualTo(-6.0);
        assertThat(r.composite()).isEqualTo(82.5);
    }

    @Test
    void p01_and_p02_add_up() {
        OrganizationResult r = result(f -> {
            f.disciplineCasesLeadership = 1;
            f.disciplineCasesMembers = 2;
            return f;
        });
        assertThat(r.composite()).isEqualTo(74.5);
    }

    @Test
    void p01_and_p02_give_no_line_without_cases() {
        OrganizationResult r = result(f -> f);
        assertThat(points(r, "P-01")).isNull();
        assertThat(points(r, "P-02")).isNull();
    }

    @Test
    void p_lines_do_not_change_the_forces() {
        OrganizationResult r = result(f -> {
            f.disciplineCasesLeadership = 2;
            f.disciplineCasesMembers = 2;
            return f;
        });
        assertThat(r.cohesion()).isEqualTo(80.0);
        assertThat(r.charisma()).isEqualTo(90.0);
        assertThat(r.combat()).isEqualTo(95.0);
        assertThat(r.composite()).isEqualTo(64.5);
    }

    @Test
    void composite_is_floored_at_0() {
        // 88.5 − 10 × 9 = −1.5 → 0
        assertThat(result(f -> {
            f.disciplineCasesLeadership = 9;
            return f;
        }).composite()).isEqualTo(0.0);
    }

    @Test
    void composite_just_above_0_is_not_floored() {
        // 88.5 − 80 − 8 = 0.5
        assertThat(result(f -> {
            f.disciplineCasesLeadership = 8;
            f.disciplineCasesMembers = 4;
            return f;
        }).composite()).isEqualTo(0.5);
    }
}
