package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.rules.PolicyHarness.other;

import java.util.List;
import org.grassroots.assessment.evaluation.CalibrationFigures;
import org.grassroots.assessment.evaluation.CalibrationOutlier;
import org.grassroots.assessment.evaluation.CalibrationUnit;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.VisitMode;
import org.junit.jupiter.api.Test;

/**
 * Policy section 10: inspector calibration (IC-01) on both sides of its thresholds. Teams 甲 乙 丙 make
 * five visits each to V1 with one C12 finding of 10, 11 and 12 points (C12 is never a repeat and its base
 * is its own deduction, severity 一般 ×1): their means are 10, 11, 12; the others of 丁 have median 11 and
 * median absolute deviation 1 (robust standard deviation 1.4826), so 丁 is out of line when its mean is
 * more than 2.9652 points from 11.
 */
class CalibrationRulesTest {

    private static final String FROM = "2026-01-01";
    private static final String TO = "2026-06-30";

    /** 甲 乙 丙 as above, and 丁 with one visit per deduction given. */
    private static PolicyHarness teams(int... fourth) {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026");
        String[] names = {"甲组", "乙组", "丙组"};
        for (int t = 0; t < names.length; t++) {
            for (int i = 0; i < 5; i++) {
                h.teamVisit(names[t] + i, "V1", "2026-0" + (i + 1) + "-1" + t, i % 2 == 0 ? VisitMode.OPEN : VisitMode.COVERT,
                        names[t], List.of(names[t] + "组员"), other(10 + t));
            }
        }
        for (int i = 0; i < fourth.length; i++) {
            h.teamVisit("丁组" + i, "V1", "2026-0" + (i + 1) + "-20", VisitMode.COVERT, "丁组", List.of("丁组组员"),
                    other(fourth[i]));
        }
        return h;
    }

    private static List<CalibrationOutlier> teamOutliers(Evaluator.Calibrated calibrated) {
        return calibrated.outliers().stream().filter(o -> o.kind() == CalibrationUnit.TEAM).toList();
    }

    @Test
    void cal01_a_team_more_than_two_standard_deviations_above_the_others_is_flagged_harsh() {
        Evaluator.Calibrated calibrated = teams(14, 14, 14, 14, 14).calibrate(FROM, TO);
        assertThat(teamOutliers(calibrated)).extracting(CalibrationOutlier::name, CalibrationOutlier::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("丁组", "IC-01"));
        assertThat(teamOutliers(calibrated).get(0).reason()).isEqualTo("偏严：督查组 丁组 平均每次检查扣 14 分（5 次检查），"
                + "其他 3 个督查组（各至少 5 次检查）的中位数 11 分、稳健标准差 1.48 分；相差 3 分，超过 2 个标准差（2.97 分）");
        CalibrationFigures fourth = calibrated.figures().stream()
                .filter(f -> f.kind() == CalibrationUnit.TEAM && f.name().equals("丁组")).findFirst().orElseThrow();
        assertThat(fourth.visits()).isEqualTo(5);
        assertThat(fourth.meanDeduction()).isEqualTo(14.0);
        assertThat(fourth.minor()).isEqualTo(5);
        assertThat(calibrated.outliers()).as("the team's only inspector too")
                .anyMatch(o -> o.kind() == CalibrationUnit.INSPECTOR && o.name().equals("丁组组员"));
    }

    @Test
    void cal01_below_is_lenient_and_exactly_two_standard_deviations_is_not_flagged() {
        List<CalibrationOutlier> lenient = teamOutliers(teams(8, 8, 8, 8, 8).calibrate(FROM, TO));
        assertThat(lenient).extracting(CalibrationOutlier::name).containsExactly("丁组");
        assertThat(lenient.get(0).reason()).startsWith("偏宽：督查组 丁组 平均每次检查扣 8 分").contains("相差 3 分");
        assertThat(teamOutliers(teams(14, 14, 14, 14, 13).calibrate(FROM, TO))).as("13.8: 2.8 < 2.9652").isEmpty();
        assertThat(teamOutliers(teams(8, 8, 8, 9, 8).calibrate(FROM, TO))).as("8.2: 2.8 < 2.9652").isEmpty();
    }

    @Test
    void cal01_compares_only_teams_with_at_least_five_visits_in_the_period() {
        assertThat(teamOutliers(teams(20, 20, 20, 20).calibrate(FROM, TO))).as("four visits").isEmpty();
        assertThat(teamOutliers(teams(20, 20, 20, 20, 20).calibrate(FROM, "2026-05-19"))).as("the fifth after the period")
                .isEmpty();
    }
}
