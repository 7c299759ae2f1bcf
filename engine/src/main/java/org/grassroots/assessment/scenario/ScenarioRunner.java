package org.grassroots.assessment.scenario;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.CompiledRules;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.grassroots.assessment.evaluation.PhotoTaken;
import org.grassroots.assessment.evaluation.PlanningDay;
import org.grassroots.assessment.evaluation.PublishedGrade;
import org.grassroots.assessment.evaluation.RuleCoverage;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;

/**
 * Runs rule test scenarios against a rule set. A scenario set is a map of files (name relative to
 * the scenarios folder → content), as {@link org.grassroots.assessment.ruleset.RuleSetLoader}
 * reads it: the {@code *.scenario} files and the bundles they name.
 */
public final class ScenarioRunner {

    public static final String SUFFIX = ".scenario";

    private final CompiledRules rules;
    private final int firingsPerOrganization;
    private final Deadline deadline;

    public ScenarioRunner(CompiledRules rules) {
        this(rules, Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION, Deadline.NONE);
    }

    /**
     * A runner whose scenarios stop at {@code firingsPerOrganization} rule firings per organization
     * and all end by {@code deadline}: a scenario stopped by a limit stops the whole run with an
     * {@link ExecutionStoppedException} (it is not reported as one failed scenario among others).
     */
    public ScenarioRunner(CompiledRules rules, int firingsPerOrganization, Deadline deadline) {
        this.rules = rules;
        this.firingsPerOrganization = firingsPerOrganization;
        this.deadline = deadline;
    }

    /** Parses the {@code .scenario} files of a set; problems (file, line, message) go to {@code problems}. */
    public static List<Scenario> parse(Map<String, String> files, List<ScenarioProblem> problems) {
        List<Scenario> scenarios = new ArrayList<>();
        new java.util.TreeMap<>(files).forEach((name, content) -> {
            if (name.endsWith(SUFFIX)) {
                Scenario s = ScenarioParser.parse(name, content, problems);
                if (s != null) {
                    if (!files.containsKey(s.bundlePath())) {
                        problems.add(new ScenarioProblem(name, 0, "the bundle " + s.bundle() + " is not in the scenario set"));
                    } else {
                        scenarios.add(s);
                    }
                }
            }
        });
        return scenarios;
    }

    /** Parses and runs every scenario of a set; coverage is over the scenarios that ran. */
    public ScenarioReport run(Map<String, String> files) {
        List<ScenarioProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = parse(files, problems);
        if (scenarios.isEmpty() && problems.isEmpty()) {
            problems.add(new ScenarioProblem("scenarios", 0, "no " + SUFFIX + " file"));
        }
        Map<String, Bundle> bundles = new HashMap<>();
        List<ScenarioReport.ScenarioResult> results = new ArrayList<>();
        List<RuleCoverage> coverages = new ArrayList<>();
        Evaluator evaluator = new Evaluator(rules).limitedBy(firingsPerOrganization, deadline);
        for (Scenario s : scenarios) {
            Bundle bundle;
            try {
                bundle = bundle(bundles, s.bundlePath(), files.get(s.bundlePath()));
            } catch (BundleValidationException e) {
                String first = e.problems().isEmpty() ? "" : ": " + e.problems().get(0).path() + ": " + e.problems().get(0).message();
                results.add(new ScenarioReport.ScenarioResult(s.file(), s.description(), false, s.expectations().size(),
                        List.of(), "the bundle " + s.bundle() + " has " + e.problems().size() + " problem(s)" + first));
                continue;
            }
            Evaluator.CoveredEvaluation run;
            try {
                run = evaluator.evaluateWithCoverage(new BundleData(bundle), s.period(), s.asOf());
            } catch (ExecutionStoppedException e) {
                throw e;
            } catch (RuntimeException e) {
                results.add(new ScenarioReport.ScenarioResult(s.file(), s.description(), false, s.expectations().size(),
                        List.of(), "the evaluation failed: " + e.getMessage()));
                continue;
            }
            coverages.add(run.coverage());
            Evaluator.PlannedVisits planned = plan(evaluator, bundle, s);
            coverages.add(planned.coverage());
            coverages.add(calibrate(evaluator, bundle, s).coverage());
            BundleData data = new BundleData(bundle);
            coverages.add(evaluator.upgradeLevers(data, s.period(), s.asOf(), data.organizationsWithFacts(s.period()))
                    .coverage());
            List<ScenarioReport.Failure> failures = new ArrayList<>();
            for (Expectation x : s.expectations()) {
                Optional<String> actual = x.check(run.result(), planned.due(), planned.doubts());
                actual.ifPresent(a -> failures.add(new ScenarioReport.Failure(x.line(), x.text(),
                        (x.op() == Expectation.Op.EQUALS ? "" : x.op().name().toLowerCase() + " ") + x.expected(), a)));
            }
            results.add(new ScenarioReport.ScenarioResult(s.file(), s.description(), failures.isEmpty(),
                    s.expectations().size(), failures, null));
        }
        return new ScenarioReport(problems, results, RuleCoverage.merge(rules.ruleNames(), coverages));
    }

    /**
     * The inspector calibration (98-calibration.drl) over the bundle's visits from the earliest to the
     * scenario's date, for every organization of the bundle (none withdrawn): its rules count for coverage.
     */
    private static Evaluator.Calibrated calibrate(Evaluator evaluator, Bundle bundle, Scenario s) {
        LocalDate from = bundle.visits().stream().map(org.grassroots.assessment.model.Visit::date)
                .min(Comparator.naturalOrder()).orElse(s.period().start());
        return evaluator.calibrate(new BundleData(bundle), bundle.organizations(),
                new org.grassroots.assessment.evaluation.CalibrationPeriod(from.isAfter(s.asOf()) ? s.asOf() : from,
                        s.asOf()), Map.of(), Map.of());
    }

    /**
     * The visits due as of the scenario's date for the organizations it evaluates, with its published
     * grades; the records begin with the earliest period of the bundle's facts.
     */
    private static Evaluator.PlannedVisits plan(Evaluator evaluator, Bundle bundle, Scenario s) {
        Map<String, String> orgOfVisit = new HashMap<>();
        bundle.visits().forEach(v -> orgOfVisit.put(v.visitId(), v.orgCode()));
        List<PhotoTaken> photos = s.photos().stream().filter(p -> orgOfVisit.containsKey(p.visitId()))
                .map(p -> new PhotoTaken(orgOfVisit.get(p.visitId()), p.visitId(), p.name(), p.takenOn())).toList();
        BundleData data = new BundleData(bundle) {
            @Override
            public List<PhotoTaken> photosTaken(String visitId) {
                return photos.stream().filter(p -> p.visitId().equals(visitId)).toList();
            }
        };
        LocalDate recordsStart = bundle.periodFacts().stream().map(f -> Period.parse(f.period()).start())
                .min(Comparator.naturalOrder()).orElse(s.period().start());
        Map<String, PublishedGrade> published = new HashMap<>();
        s.published().forEach(g -> published.put(g.orgCode(), g));
        return evaluator.planVisits(data, data.organizationsWithFacts(s.period()),
                new PlanningDay(s.asOf(), recordsStart), published);
    }

    private static Bundle bundle(Map<String, Bundle> cache, String name, String content) throws BundleValidationException {
        Bundle b = cache.get(name);
        if (b == null) {
            b = new BundleReader().read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
            cache.put(name, b);
        }
        return b;
    }
}
