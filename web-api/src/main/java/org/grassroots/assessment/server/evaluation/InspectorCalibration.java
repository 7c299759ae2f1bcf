package org.grassroots.assessment.server.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.CalibrationFigures;
import org.grassroots.assessment.evaluation.CalibrationOutlier;
import org.grassroots.assessment.evaluation.CalibrationPeriod;
import org.grassroots.assessment.evaluation.CalibrationUnit;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.AssessmentProperties;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.grassroots.assessment.evaluation.Rounding.round2;

/**
 * Inspector calibration (督查校准, the rule set's IC rules, policy section 10): the recorded visits of a
 * period, every team's and inspector's figures, and the outliers the rules in force flag. Only visits
 * recorded are read, never planned ones. Nothing is stored.
 */
@Service
public class InspectorCalibration {

    private static final int BATCH_SIZE = 64;

    /** The findings of each severity in effect (一般, 较重, 严重). */
    public record SeverityMix(int minor, int major, int critical) {
    }

    /**
     * One team's or inspector's figures, rounded to hundredths (sdDeduction: the standard deviation of
     * the deduction per visit); the gaps are null when one side has no visit. {@code flags} holds the reasons of the rules that flag it (empty: in line).
     */
    public record Figures(String name, String team, int visits, int covertVisits, double meanDeduction,
                          double sdDeduction, SeverityMix severityMix, Double covertMeanDeduction, Double openMeanDeduction,
                          Double covertOpenGap, Double peerGap, int peerVisits, int findings, int withdrawnFindings,
                          Double withdrawnShare, boolean outlier, List<String> flags) {
    }

    /**
     * A flag: who (unit 督查组 TEAM or 督查员 INSPECTOR), the rule, the test's numbers (the others' median,
     * the pooled standard deviation of one visit's deduction within them, the standard error of the
     * difference, how many others and their visits) and its reason.
     */
    public record Outlier(String unit, String name, String rule, double meanDeduction, double othersMedian,
                          double pooledSd, double standardError, int others, int othersVisits, String reason) {
    }

    /** The answer for a period. */
    public record Answer(LocalDate from, LocalDate to, String ruleVersion, int visits, List<Figures> teams,
                         List<Figures> inspectors, List<Outlier> outliers) {
    }

    private final AssessmentDataRepository loader;
    private final RuleSetInForce rules;
    private final AssessmentProperties properties;
    private final RuleLimits limits;

    InspectorCalibration(AssessmentDataRepository loader, RuleSetInForce rules, AssessmentProperties properties,
            RuleLimits limits) {
        this.loader = loader;
        this.rules = rules;
        this.properties = properties;
        this.limits = limits;
    }

    /** The calibration of the visits dated from {@code from} to {@code to}, with the rule set in force. */
    @Transactional(readOnly = true)
    public Answer of(LocalDate from, LocalDate to) {
        DatabaseAssessmentData data = loader.loadForPlanning(to, OrgScope.all());
        Map<String, Integer> withdrawn = loader.withdrawnFindings(from, to);
        Map<String, List<String>> inspectors = loader.inspectors(from, to);
        List<Organization> orgs = new ArrayList<>(data.organizations().values());
        orgs.sort(Comparator.comparing(Organization::code));
        RuleSet ruleSet = rules.get();
        Deadline deadline = limits.evaluation();
        Evaluator evaluator = limits.limit(new Evaluator(ruleSet, properties.threads(), BATCH_SIZE), deadline);
        Evaluator.Calibrated calibrated = evaluator.calibrate(data, orgs, new CalibrationPeriod(from, to), withdrawn,
                inspectors);
        List<Outlier> outliers = new ArrayList<>();
        for (CalibrationOutlier o : calibrated.outliers()) {
            outliers.add(new Outlier(o.kind().name(), o.name(), o.rule(), round2(o.value()), round2(o.othersMedian()),
                    round2(o.pooledSd()), round2(o.standardError()), o.others(), o.othersVisits(), o.reason()));
        }
        List<Figures> teams = new ArrayList<>();
        List<Figures> people = new ArrayList<>();
        for (CalibrationFigures f : calibrated.figures()) {
            List<String> flags = calibrated.outliers().stream()
                    .filter(o -> o.kind() == f.kind() && o.name().equals(f.name())).map(CalibrationOutlier::reason)
                    .toList();
            Figures figures = new Figures(f.name(), f.team(), f.visits(), f.covertVisits(), round2(f.meanDeduction()),
                    round2(f.sdDeduction()), new SeverityMix(f.minor(), f.major(), f.critical()), round(f.covertMean()), round(f.openMean()),
                    round(f.covertOpenGap()), round(f.peerGap()), f.peerVisits(), f.findings(), f.withdrawn(),
                    round(f.withdrawnShare()), !flags.isEmpty(), flags);
            (f.kind() == CalibrationUnit.TEAM ? teams : people).add(figures);
        }
        return new Answer(from, to, ruleSet.version(), calibrated.visits().size(), teams, people, outliers);
    }

    private static Double round(Double value) {
        return value == null ? null : round2(value);
    }
}
