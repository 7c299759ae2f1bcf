package org.grassroots.assessment.server.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.RuleCoverage;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.scenario.Scenario;
import org.grassroots.assessment.scenario.ScenarioProblem;
import org.grassroots.assessment.scenario.ScenarioReport;
import org.grassroots.assessment.scenario.ScenarioRunner;

/**
 * Runs a set's scenarios as {@link ScenarioRunner#run} does, with the same report, but the
 * scenarios of each bundle beside those of the others: an activation waits for them, and a
 * {@link ScenarioRunner} evaluates on one thread.
 */
final class ScenarioRuns {

    private static final ExecutorService THREADS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1), runnable -> {
                Thread thread = new Thread(runnable, "scenario-runs");
                thread.setDaemon(true);
                return thread;
            });

    private ScenarioRuns() {
    }

    /** Runs the scenarios within the firing limit and by the deadline; the first part stopped stops the others. */
    static ScenarioReport run(RuleSet rules, Map<String, String> files, int firingsPerOrganization, Deadline deadline) {
        try {
            return runParts(rules, files, firingsPerOrganization, deadline);
        } catch (RuntimeException e) {
            deadline.cancel();
            throw e;
        }
    }

    private static ScenarioReport runParts(RuleSet rules, Map<String, String> files, int firingsPerOrganization,
            Deadline deadline) {
        List<ScenarioProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioRunner.parse(files, problems);
        // by bundle, so that each bundle is still read once
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (Scenario s : scenarios) {
            order.put(s.file(), order.size());
            groups.computeIfAbsent(s.bundlePath(), bundle -> new TreeMap<>(Map.of(bundle, files.get(bundle))))
                    .put(s.file(), files.get(s.file()));
        }
        if (groups.size() < 2 || Runtime.getRuntime().availableProcessors() < 2) {
            return new ScenarioRunner(rules, firingsPerOrganization, deadline).run(files);
        }
        List<Map<String, String>> parts = List.copyOf(groups.values());
        List<CompletableFuture<ScenarioReport>> others = new ArrayList<>();
        for (Map<String, String> part : parts.subList(1, parts.size())) {
            others.add(CompletableFuture.supplyAsync(
                    () -> new ScenarioRunner(rules, firingsPerOrganization, deadline).run(part), THREADS));
        }
        List<ScenarioReport> reports = new ArrayList<>();
        reports.add(new ScenarioRunner(rules, firingsPerOrganization, deadline).run(parts.get(0)));
        for (CompletableFuture<ScenarioReport> other : others) {
            try {
                reports.add(other.join());
            } catch (CompletionException e) {
                // not Futures.join: an Error stays in its CompletionException here, so that run()'s
                // handler of a RuntimeException still cancels the deadline
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        List<ScenarioReport.ScenarioResult> results = new ArrayList<>();
        List<RuleCoverage> coverages = new ArrayList<>();
        for (ScenarioReport report : reports) {
            // each part's scenarios parsed without problems in the whole set: its problems are the whole set's
            results.addAll(report.results());
            coverages.add(report.coverage());
        }
        results.sort(Comparator.comparing(r -> order.get(r.scenario())));
        return new ScenarioReport(problems, results, RuleCoverage.merge(rules.ruleNames(), coverages));
    }
}
