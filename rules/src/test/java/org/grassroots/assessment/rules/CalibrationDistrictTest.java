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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18 section 3, acceptance: a generated district of 200 villages and 8 inspection teams (two
 * inspectors a visit) that make 80 to 120 visits each in 2026 (about two a week), one team planted lenient
 * (督查七组) and one planted harsh (督查八组). The shipped rules flag exactly those two teams in each of 25
 * districts (seeds 1–25), and the figures of one team and the test of the harsh team are recomputed here
 * by hand from the generated visits.
 *
 * <p>Every team sees the villages the same way: a visit goes through a checklist of 12 items, and each
 * village has its own chance (10 % to 35 %, drawn once) that an item is found wanting; a problem found
 * is a C12 finding ("other": the inspector's own deduction, never a repeat) of 2 to 8 points, 一般 (70 %),
 * 较重 (25 %) or 严重 (5 %), so a visit's deduction is the sum of deduction × severity factor (一般 1,
 * 较重 1.5, 严重 2); one visit's deduction varies by about 68 % of its mean. The planted teams differ only
 * in how they record a problem: the lenient team overlooks each with probability 1/2 (about half the
 * deduction of the others), the harsh team grades it one step more severe and never deducts less than 5
 * points for it (about 1.66 times). Over seeds 1–100 the rules flag exactly the two planted teams in all
 * 100 districts: the lenient team's z is at least 4.1, the harsh team's at least 5.6, and no normal
 * team's beyond 3.28 (the threshold is 3.5). With half as many visits the lenient team would be missed
 * now and then: a bias is found reliably only when it is about 5.5 standard errors.
 */
class CalibrationDistrictTest {

    private static final int TEAMS = 8;
    private static final int VILLAGES = 200;
    private static final int ITEMS = 12;
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

    private PolicyHarness district(long seed) {
        drawn.clear();
        Random random = new Random(seed);
        PolicyHarness h = new PolicyHarness();
        double[] chance = new double[VILLAGES];
        for (int o = 0; o < VILLAGES; o++) {
            h.org(village(o), OrgType.VILLAGE, "2026");
            chance[o] = 0.10 + 0.25 * random.nextDouble();
        }
        for (int t = 0; t < TEAMS; t++) {
            String team = NAMES[t];
            int visits = 80 + random.nextInt(41);
            for (int i = 0; i < visits; i++) {
                int o = random.nextInt(VILLAGES);
                LocalDate date = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(350));
                VisitMode mode = random.nextInt(10) < 4 ? VisitMode.COVERT : VisitMode.OPEN;
                List<Finding> list = new ArrayList<>();
                for (int item = 0; item < ITEMS; item++) {
                    if (random.nextDouble() >= chance[o]) {
                        continue;
                    }
                    int deduction = 2 + random.nextInt(7);
                    int s = random.nextInt(20);
                    Severity severity = s < 14 ? Severity.MINOR : s < 19 ? Severity.MAJOR : Severity.CRITICAL;
                    boolean overlooked = random.nextBoolean();
                    if (team.equals(LENIENT) && overlooked) {
                        continue;
                    }
                    if (team.equals(HARSH)) {
                        severity = severity == Severity.MINOR ? Severity.MAJOR : Severity.CRITICAL;
                        deduction = Math.max(deduction, 5);
                    }
                    list.add(new Finding("C12", severity, deduction, "生成", List.of(), null));
                }
                String id = "G" + t + "-" + i;
                List<String> inspectors = List.of(team + "甲", team + (i % 3 == 0 ? "乙" : "甲"));
                h.teamVisit(id, village(o), date.toString(), mode, team, inspectors.stream().distinct().toList(),
                        list.toArray(new Finding[0]));
                drawn.add(new Drawn(id, village(o), team, mode, list));
            }
        }
        return h;
    }

    private static String village(int o) {
        return String.format("V%03d", o + 1);
    }

    static java.util.stream.IntStream seeds() {
        return java.util.stream.IntStream.rangeClosed(1, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_planted_lenient_and_harsh_teams_are_flagged_and_no_other(int seed) {
        Evaluator.Calibrated calibrated = district(seed).calibrate("2026-01-01", "2026-12-31");
        List<CalibrationOutlier> teams = calibrated.outliers().stream().filter(o -> o.kind() == CalibrationUnit.TEAM)
                .toList();
        assertThat(teams).extracting(CalibrationOutlier::name).containsExactlyInAnyOrder(LENIENT, HARSH);
        assertThat(teams).filteredOn(o -> o.name().equals(LENIENT)).singleElement()
                .satisfies(o -> assertThat(o.reason()).startsWith("偏宽：督查组 " + LENIENT));
        assertThat(teams).filteredOn(o -> o.name().equals(HARSH)).singleElement()
                .satisfies(o -> assertThat(o.reason()).startsWith("偏严：督查组 " + HARSH));
        assertThat(calibrated.visits()).hasSize(drawn.size());
    }

    @Test
    void one_teams_figures_and_the_test_of_the_harsh_team_checked_by_hand() {
        Evaluator.Calibrated calibrated = district(18).calibrate("2026-01-01", "2026-12-31");
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
        double squares = 0;
        for (Drawn d : own) {
            squares += (d.deduction() - mean) * (d.deduction() - mean);
        }
        double covertMean = covert / covertVisits;
        double openMean = (sum - covert) / (own.size() - covertVisits);

        CalibrationFigures f = figures(calibrated, team);
        assertThat(f.visits()).isEqualTo(own.size());
        assertThat(f.covertVisits()).isEqualTo(covertVisits);
        assertThat(f.meanDeduction()).isCloseTo(mean, within(1e-9));
        assertThat(f.sdDeduction()).isCloseTo(Math.sqrt(squares / (own.size() - 1)), within(1e-9));
        assertThat(List.of(f.minor(), f.major(), f.critical())).containsExactly(minor, major, critical);
        assertThat(f.covertMean()).isCloseTo(covertMean, within(1e-9));
        assertThat(f.openMean()).isCloseTo(openMean, within(1e-9));
        assertThat(f.covertOpenGap()).isCloseTo(covertMean - openMean, within(1e-9));
        assertThat(f.peerVisits()).isEqualTo(peerVisits).isPositive();
        assertThat(f.peerGap()).isCloseTo(peerSum / peerVisits, within(1e-9));
        assertThat(f.findings()).isEqualTo(minor + major + critical);
        assertThat(f.withdrawn()).isZero();
        assertThat(f.withdrawnShare()).isEqualTo(0.0);

        // the z test of the harsh team: the median of the seven other teams' means, their visits' deductions'
        // pooled standard deviation (each around its own team's mean) and the standard error of the difference
        List<Double> means = new ArrayList<>();
        double pooledSquares = 0;
        int otherVisits = 0;
        for (String other : NAMES) {
            if (other.equals(HARSH)) {
                continue;
            }
            List<Double> values = drawn.stream().filter(d -> d.team().equals(other)).map(Drawn::deduction).toList();
            double m = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            means.add(m);
            pooledSquares += values.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
            otherVisits += values.size();
        }
        means.sort(null);
        double median = means.get(3);
        double pooledSd = Math.sqrt(pooledSquares / (otherVisits - 7));
        int harshVisits = (int) drawn.stream().filter(d -> d.team().equals(HARSH)).count();
        double standardError = pooledSd * Math.sqrt(1.0 / harshVisits + 1.0 / otherVisits);
        double harshMean = figures(calibrated, HARSH).meanDeduction();
        CalibrationOutlier harsh = calibrated.outliers().stream()
                .filter(o -> o.kind() == CalibrationUnit.TEAM && o.name().equals(HARSH)).findFirst().orElseThrow();
        assertThat(harsh.value()).isCloseTo(harshMean, within(1e-9));
        assertThat(harsh.othersMedian()).isCloseTo(median, within(1e-9));
        assertThat(harsh.pooledSd()).isCloseTo(pooledSd, within(1e-9));
        assertThat(harsh.standardError()).isCloseTo(standardError, within(1e-9));
        assertThat(List.of(harsh.others(), harsh.othersVisits())).containsExactly(7, otherVisits);
        assertThat((harshMean - median) / standardError).as("z").isGreaterThan(3);
        assertThat(harsh.reason()).contains("共 " + otherVisits + " 次").contains("× √(1/" + harshVisits + " + 1/" + otherVisits + ")");
    }

    private static CalibrationFigures figures(Evaluator.Calibrated calibrated, String team) {
        return calibrated.figures().stream().filter(x -> x.kind() == CalibrationUnit.TEAM && x.name().equals(team))
                .findFirst().orElseThrow();
    }
}
