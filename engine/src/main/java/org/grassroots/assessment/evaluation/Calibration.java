package org.grassroots.assessment.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.model.VisitMode;

/**
 * The calibration figures of every team and every inspector (督查校准) from the visits of the period,
 * priced by the deduction rules. Only arithmetic: which figures are out of line is for the rules
 * (98-calibration.drl). A visit without a team counts for its inspectors only.
 */
public final class Calibration {

    private Calibration() {
    }

    /** Teams first, then inspectors, each by name. */
    public static List<CalibrationFigures> figures(List<CalibratedVisit> visits) {
        Map<String, List<CalibratedVisit>> byOrg = new HashMap<>();
        Map<String, List<CalibratedVisit>> byTeam = new TreeMap<>();
        Map<String, List<CalibratedVisit>> byInspector = new TreeMap<>();
        for (CalibratedVisit v : visits) {
            byOrg.computeIfAbsent(v.orgCode(), k -> new ArrayList<>()).add(v);
            if (v.team() != null && !v.team().isBlank()) {
                byTeam.computeIfAbsent(v.team(), k -> new ArrayList<>()).add(v);
            }
            for (String inspector : v.inspectors()) {
                byInspector.computeIfAbsent(inspector, k -> new ArrayList<>()).add(v);
            }
        }
        List<CalibrationFigures> figures = new ArrayList<>();
        byTeam.forEach((team, own) -> figures.add(figures(CalibrationUnit.TEAM, team, team, own, byOrg)));
        byInspector.forEach((name, own) -> figures.add(figures(CalibrationUnit.INSPECTOR, name, mainTeam(own), own,
                byOrg)));
        return figures;
    }

    private static String mainTeam(List<CalibratedVisit> own) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        own.stream().sorted(Comparator.comparing(CalibratedVisit::date).thenComparing(CalibratedVisit::visitId))
                .filter(v -> v.team() != null && !v.team().isBlank())
                .forEach(v -> counts.merge(v.team(), 1, Integer::sum));
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static CalibrationFigures figures(CalibrationUnit unit, String name, String team,
            List<CalibratedVisit> own, Map<String, List<CalibratedVisit>> byOrg) {
        double sum = 0;
        double covertSum = 0;
        int covert = 0;
        int minor = 0;
        int major = 0;
        int critical = 0;
        int withdrawn = 0;
        int findings = 0;
        double peerSum = 0;
        int peerVisits = 0;
        for (CalibratedVisit v : own) {
            sum += v.deduction();
            if (v.mode() == VisitMode.COVERT) {
                covertSum += v.deduction();
                covert++;
            }
            minor += v.minor();
            major += v.major();
            critical += v.critical();
            withdrawn += v.withdrawn();
            findings += v.findings();
            double peers = 0;
            int n = 0;
            for (CalibratedVisit p : byOrg.get(v.orgCode())) {
                if (!sameTeam(p, v)) {
                    peers += p.deduction();
                    n++;
                }
            }
            if (n > 0) {
                peerSum += v.deduction() - peers / n;
                peerVisits++;
            }
        }
        double mean = sum / own.size();
        double squares = 0;
        for (CalibratedVisit v : own) {
            squares += (v.deduction() - mean) * (v.deduction() - mean);
        }
        double sd = own.size() < 2 ? 0 : Math.sqrt(squares / (own.size() - 1));
        int open = own.size() - covert;
        Double covertMean = covert == 0 ? null : covertSum / covert;
        Double openMean = open == 0 ? null : (sum - covertSum) / open;
        Double gap = covertMean == null || openMean == null ? null : covertMean - openMean;
        return new CalibrationFigures(unit, name, team, own.size(), covert, mean, sd, squares, minor, major, critical,
                covertMean, openMean, gap, peerVisits == 0 ? null : peerSum / peerVisits, peerVisits, findings,
                withdrawn, findings == 0 ? null : (double) withdrawn / findings);
    }

    /** Two visits of the same team; a visit without a team is its own team. */
    private static boolean sameTeam(CalibratedVisit a, CalibratedVisit b) {
        if (a.team() == null || a.team().isBlank() || b.team() == null || b.team().isBlank()) {
            return a.visitId().equals(b.visitId());
        }
        return a.team().equals(b.team());
    }
}
