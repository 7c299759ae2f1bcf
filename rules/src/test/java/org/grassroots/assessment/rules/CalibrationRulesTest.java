package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.grassroots.assessment.rules.PolicyHarness.other;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.evaluation.CalibrationFigures;
import org.grassroots.assessment.evaluation.CalibrationOutlier;
import org.grassroots.assessment.evaluation.CalibrationUnit;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.VisitMode;
import org.junit.jupiter.api.Test;

/**
 * Policy section 10: inspector calibration (IC-01) on both sides of each threshold. Teams 甲 乙 丙 make
 * five visits each to V1 with one C12 finding a visit (C12 is never a repeat and its base is its own
 * deduction, severity 一般 ×1): 甲 8 12 10 8 12, 乙 one point more, 丙 two (means 10, 11, 12; each
 * visit 2 points from its team's mean, so the squared deviations are 16 a team and the pooled standard
 * deviation is √(48 / (15 − 3)) = 2). Against them 丁 has the median 11 and a standard error of
 * 2 × √(1/n + 1/15) for its n visits: 1.0328 with 5 visits (3.5 standard errors: 3.6148 points), 0.7303
 * with 15 (2.556 points, so that the minimum of 3 points decides).
 */
class CalibrationRulesTest {

    private static final String FROM = "2026-01-01";
    private static final String TO = "2026-06-30";

    /** 甲 乙 丙 as above, and 丁 with one visit per deduction given: four from 20 January, the rest from 20 May. */
    private static PolicyHarness teams(int... fourth) {
        return firstTeams(3, fourth);
    }

    /** The first {@code count} of 甲 乙 丙, and 丁 as above. */
    private static PolicyHarness firstTeams(int count, int... fourth) {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026");
        String[] names = {"甲组", "乙组", "丙组"};
        int[] pattern = {8, 12, 10, 8, 12};
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < pattern.length; i++) {
                h.teamVisit(names[t] + i, "V1", "2026-0" + (i + 1) + "-1" + t, i % 2 == 0 ? VisitMode.OPEN : VisitMode.COVERT,
                        names[t], List.of(names[t] + "组员"), other(pattern[i] + t));
            }
        }
        for (int i = 0; i < fourth.length; i++) {
            LocalDate date = i < 4 ? LocalDate.of(2026, 1, 20).plusDays(7L * i) : LocalDate.of(2026, 5, 20).plusDays(3L * (i - 4));
            h.teamVisit("丁组" + i, "V1", date.toString(), VisitMode.COVERT, "丁组", List.of("丁组组员"), other(fourth[i]));
        }
        return h;
    }

    private static int[] times(int visits, int deduction) {
        int[] d = new int[visits];
        java.util.Arrays.fill(d, deduction);
        return d;
    }

    private static List<CalibrationOutlier> teamOutliers(Evaluator.Calibrated calibrated) {
        return calibrated.outliers().stream().filter(o -> o.kind() == CalibrationUnit.TEAM).toList();
    }

    @Test
    void cal01_a_team_more_than_three_and_a_half_standard_errors_above_the_others_is_flagged_harsh() {
        Evaluator.Calibrated calibrated = teams(15, 15, 15, 15, 14).calibrate(FROM, TO);
        assertThat(teamOutliers(calibrated)).extracting(CalibrationOutlier::name, CalibrationOutlier::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("丁组", "IC-01"));
        CalibrationOutlier o = teamOutliers(calibrated).get(0);
        assertThat(o.reason()).isEqualTo("偏严：督查组 丁组 平均每次检查扣 14.8 分（5 次检查），其他 3 个督查组（各至少 5 次检查，"
                + "共 15 次）的中位数 11 分；z 检验：相差 3.8 分，超过 3.5 倍标准误（3.61 分；标准误 1.03 分 = 每次检查扣分的组内标准差 2 分"
                + " × √(1/5 + 1/15)），且不少于 3 分");
        assertThat(o.pooledSd()).isCloseTo(2, within(1e-9));
        assertThat(o.standardError()).isCloseTo(2 * Math.sqrt(1.0 / 5 + 1.0 / 15), within(1e-9));
        assertThat(List.of(o.others(), o.othersVisits())).containsExactly(3, 15);
        CalibrationFigures fourth = calibrated.figures().stream()
                .filter(f -> f.kind() == CalibrationUnit.TEAM && f.name().equals("丁组")).findFirst().orElseThrow();
        assertThat(fourth.visits()).isEqualTo(5);
        assertThat(fourth.meanDeduction()).isCloseTo(14.8, within(1e-9));
        assertThat(fourth.sdDeduction()).isCloseTo(Math.sqrt(0.8 / 4), within(1e-9));
        assertThat(calibrated.outliers()).as("the team's only inspector too")
                .anyMatch(x -> x.kind() == CalibrationUnit.INSPECTOR && x.name().equals("丁组组员"));
    }

    @Test
    void cal01_below_is_lenient_and_within_three_and_a_half_standard_errors_is_not_flagged() {
        List<CalibrationOutlier> lenient = teamOutliers(teams(7, 7, 7, 7, 8).calibrate(FROM, TO));
        assertThat(lenient).extracting(CalibrationOutlier::name).containsExactly("丁组");
        assertThat(lenient.get(0).reason()).startsWith("偏宽：督查组 丁组 平均每次检查扣 7.2 分").contains("相差 3.8 分");
        assertThat(teamOutliers(teams(15, 15, 15, 14, 14).calibrate(FROM, TO))).as("14.6: 3.6 < 3.6148").isEmpty();
        assertThat(teamOutliers(teams(7, 7, 7, 8, 8).calibrate(FROM, TO))).as("7.4: 3.6 < 3.6148").isEmpty();
    }

    @Test
    void cal01_more_visits_a_smaller_standard_error_so_the_same_mean_is_flagged() {
        List<CalibrationOutlier> fifteen = teamOutliers(teams(times(15, 14)).calibrate(FROM, TO));
        assertThat(fifteen).extracting(CalibrationOutlier::name).as("14 over 15 visits: 3 > 2.556").containsExactly("丁组");
        assertThat(fifteen.get(0).reason()).contains("（15 次检查）").contains("× √(1/15 + 1/15)");
    }

    @Test
    void cal01_a_difference_under_three_points_is_not_flagged_however_many_the_visits() {
        int[] d = times(15, 14);
        d[0] = 11;
        assertThat(teamOutliers(teams(d).calibrate(FROM, TO))).as("13.8 over 15 visits: 2.8 > 2.556 but < 3 points")
                .isEmpty();
    }

    @Test
    void cal01_compares_only_teams_with_at_least_five_visits_and_at_least_three_others() {
        assertThat(teamOutliers(teams(20, 20, 20, 20).calibrate(FROM, TO))).as("four visits").isEmpty();
        assertThat(teamOutliers(teams(20, 20, 20, 20, 20).calibrate(FROM, "2026-05-19"))).as("the fifth after the period")
                .isEmpty();
        assertThat(teamOutliers(firstTeams(2, 20, 20, 20, 20, 20).calibrate(FROM, TO))).as("two others").isEmpty();
        assertThat(teamOutliers(firstTeams(3, 20, 20, 20, 20, 20).calibrate(FROM, TO))).as("three others")
                .extracting(CalibrationOutlier::name).containsExactly("丁组");
    }
}
