package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.grassroots.assessment.evaluation.CalibrationFigures;
import org.grassroots.assessment.evaluation.CalibrationOutlier;
import org.grassroots.assessment.evaluation.CalibrationUnit;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.VisitMode;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 section 3, acceptance: a generated district of 40 villages and 8 inspection teams (two
 * inspectors each, 15 visits per team in 2026), one team planted lenient (督查七组: at most one small
 * finding a visit) and one planted harsh (督查八组: three to five large findings a visit). The shipped
 * rules flag exactly those two teams, and the figures of one team are recomputed here by hand from the
 * generated visits. Findings are C12 ("other": the inspector's own deduction, never a repeat) with a
 * severity, so a visit's deduction is the sum of deduction × severity factor (一般 1, 较重 1.5, 严重 2).
 * The district is drawn from a fixed seed (18). With the policy's 2 robust standard deviations and only
 * seven others to compare with, a normal team can be flagged too: over seeds 1–30 of this generator, 19
 * districts flag exactly the two planted teams, 10 also one or two normal teams, and one misses the
 * lenient team (at 3 standard deviations the lenient team is missed in half of them).
 */
class CalibrationDistrictTest {

    private static final int TEAMS = 8;
    private static final String LENIENT = "督查七组";
    private static final String HARSH = "督查八组";
    private static final String[] NAMES = {"督查一组", "督查二组", "督查三组", "督查四组", "督查五组", "督查六组", LENIENT, HARSH};

    /** A generated visit as the test keeps it, to compute the figures by hand. */
    private record Drawn(String id, String org, String team, VisitMode mode, List<Finding> findings) {

        double deduction() {
            double sum = 0;
            for (Finding f : findings) {
                double factor = f.severity() == Severity.MINOR ? 1 : f.severity() == Severity.MAJOR ? 1.5 : 2;
                sum += f.deduction() * factor;
            }
            return sum;
        }
    }

    private final List<Drawn> drawn = new ArrayList<>();

    private PolicyHarness district() {
        Random random = new Random(18);
        PolicyHarness h = new PolicyHarness();
        for (int o = 1; o <= 40; o++) {
            h.org(String.format("V%02d", o), OrgType.VILLAGE, "2026");
        }
        for (int t = 0; t < TEAMS; t++) {
            String team = NAMES[t];
            for (int i = 0; i < 15; i++) {
                String org = String.format("V%02d", 1 + random.nextInt(40));
                LocalDate date = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(320));
                VisitMode mode = random.nextInt(10) < 4 ? VisitMode.COVERT : VisitMode.OPEN;
                int findings = team.equals(LENIENT) ? random.nextInt(2) : team.equals(HARSH) ? 3 + random.nextInt(3)
                        : random.nextInt(4);
                List<Finding> list = new ArrayList<>();
                for (int f = 0; f < findings; f++) {
                    int deduction = team.equals(LENIENT) ? 1 + random.nextInt(3) : team.equals(HARSH) ? 6 + random.nextInt(5)
                            : 2 + random.nextInt(7);
                    int s = random.nextInt(20);
                    Severity severity = s < 14 ? Severity.MINOR : s < 19 ? Severity.MAJOR : Severity.CRITICAL;
                    list.add(new Finding("C12", severity, deduction, "生成", List.of(), null));
                }
                String id = "G" + t + "-" + i;
                List<String> inspectors = List.of(team + "甲", team + (i % 3 == 0 ? "乙" : "甲"));
                h.teamVisit(id, org, date.toString(), mode, team, inspectors.stream().distinct().toList(),
                        list.toArray(new Finding[0]));
                drawn.add(new Drawn(id, org, team, mode, list));
            }
        }
        return h;
    }

    @Test
    void the_planted_lenient_and_harsh_teams_are_flagged_and_no_other() {
        Evaluator.Calibrated calibrated = district().calibrate("2026-01-01", "2026-12-31");
        List<CalibrationOutlier> teams = calibrated.outliers().stream().filter(o -> o.kind() == CalibrationUnit.TEAM)
                .toList();
        assertThat(teams).extracting(CalibrationOutlier::name).containsExactlyInAnyOrder(LENIENT, HARSH);
        assertThat(teams).filteredOn(o -> o.name().equals(LENIENT)).singleElement()
                .satisfies(o -> assertThat(o.reason()).startsWith("偏宽：督查组 " + LENIENT));
        assertThat(teams).filteredOn(o -> o.name().equals(HARSH)).singleElement()
                .satisfies(o -> assertThat(o.reason()).startsWith("偏严：督查组 " + HARSH));
        assertThat(calibrated.visits()).hasSize(TEAMS * 15);
    }

    @Test
    void one_teams_figures_checked_by_hand() {
        Evaluator.Calibrated calibrated = district().calibrate("2026-01-01", "2026-12-31");
        String team = "督查三组";
        List<Drawn> own = drawn.stream().filter(d -> d.team().equals(team)).toList();
        double sum = 0;
        double covert = 0;
        int covertVisits = 0;
        int minor = 0;
        int major = 0;
        int critical = 0;
        double peerSum = 0;
        int peerVisits = 0;
        for (Drawn d : own) {
            sum += d.deduction();
            if (d.mode() == VisitMode.COVERT) {
                covert += d.deduction();
                covertVisits++;
            }
            for (Finding f : d.findings()) {
                minor += f.severity() == Severity.MINOR ? 1 : 0;
                major += f.severity() == Severity.MAJOR ? 1 : 0;
                critical += f.severity() == Severity.CRITICAL ? 1 : 0;
            }
            List<Drawn> peers = drawn.stream().filter(p -> p.org().equals(d.org()) && !p.team().equals(team)).toList();
            if (!peers.isEmpty()) {
                peerSum += d.deduction() - peers.stream().mapToDouble(Drawn::deduction).average().orElseThrow();
                peerVisits++;
            }
        }
        double mean = sum / own.size();
        double covertMean = covert / covertVisits;
        double openMean = (sum - covert) / (own.size() - covertVisits);

        CalibrationFigures f = calibrated.figures().stream()
                .filter(x -> x.kind() == CalibrationUnit.TEAM && x.name().equals(team)).findFirst().orElseThrow();
        assertThat(f.visits()).isEqualTo(15);
        assertThat(f.covertVisits()).isEqualTo(covertVisits);
        assertThat(f.meanDeduction()).isCloseTo(mean, within(1e-9));
        assertThat(List.of(f.minor(), f.major(), f.critical())).containsExactly(minor, major, critical);
        assertThat(f.covertMean()).isCloseTo(covertMean, within(1e-9));
        assertThat(f.openMean()).isCloseTo(openMean, within(1e-9));
        assertThat(f.covertOpenGap()).isCloseTo(covertMean - openMean, within(1e-9));
        assertThat(f.peerVisits()).isEqualTo(peerVisits).isPositive();
        assertThat(f.peerGap()).isCloseTo(peerSum / peerVisits, within(1e-9));
        assertThat(f.findings()).isEqualTo(minor + major + critical);
        assertThat(f.withdrawn()).isZero();
        assertThat(f.withdrawnShare()).isEqualTo(0.0);
    }
}
