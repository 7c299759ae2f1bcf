package org.grassroots.assessment.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;
import org.grassroots.assessment.evaluation.RuleCoverage;
import org.grassroots.assessment.ruleset.RuleMessage;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.ruleset.RuleSetValidator;
import org.grassroots.assessment.ruleset.ValidationReport;
import org.grassroots.assessment.scenario.ScenarioProblem;
import org.grassroots.assessment.scenario.ScenarioReport;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.grassroots.assessment.scenario.ScenarioRunner;

/**
 * {@code rules validate [DIR]} and {@code rules test [DIR]}: the rule maintainers' checks on a rule
 * directory (its {@code .drl} files, {@code ruleset.properties} and {@code scenarios/}); without
 * DIR, on the rule set shipped inside.
 */
final class RulesCommand {

    private final PrintStream out;
    private final PrintStream err;

    RulesCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length < 2 || args.length > 3 || !(args[1].equals("validate") || args[1].equals("test"))) {
            err.print(AssessmentCli.usage());
            return AssessmentCli.USAGE;
        }
        Path dir = args.length == 3 ? Path.of(args[2]) : null;
        Map<String, String> files;
        Map<String, String> scenarios;
        try {
            files = dir == null ? RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR) : RuleSetLoader.readDirectory(dir);
            scenarios = dir == null ? RuleSetLoader.readClasspathScenarios(RuleSetLoader.DEFAULT_RESOURCE_DIR)
                    : RuleSetLoader.readScenarios(dir);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return AssessmentCli.INVALID_INPUT;
        }
        String prefix = dir == null ? "" : dir + "/";
        try {
            return args[1].equals("validate") ? validate(files, scenarios, prefix) : test(files, scenarios, prefix);
        } catch (ExecutionStoppedException e) {
            err.println("error: " + e.getMessage());
            return AssessmentCli.STOPPED;
        }
    }

    private int validate(Map<String, String> files, Map<String, String> scenarios, String prefix) {
        ValidationReport report = RuleSetValidator.validate(files, scenarios);
        for (RuleMessage e : report.errors()) {
            out.println(position(prefix, e.file(), e.line(), e.column()) + "error: " + e.text());
        }
        for (ValidationReport.Warning w : report.warnings()) {
            out.println(position(prefix, w.file(), w.line(), 0) + "warning: " + w.message());
        }
        for (ScenarioProblem p : report.scenarioProblems()) {
            out.println(position(prefix + RuleSetLoader.SCENARIOS + "/", p.file(), p.line(), 0) + "warning: " + p.message());
        }
        if (!report.ok()) {
            out.println(report.errors().size() + " error(s), " + report.warnings().size() + " warning(s): the rule set does not compile");
            return AssessmentCli.BAD_RULES;
        }
        RuleSet rules = report.ruleSet();
        out.println("rule set " + rules.version() + " (" + rules.checksum() + "): " + rules.ruleNames().size()
                + " rules, 0 errors, " + (report.warnings().size() + report.scenarioProblems().size()) + " warning(s)"
                + (report.coverage() == null ? ", no scenario run" : ""));
        return AssessmentCli.OK;
    }

    private int test(Map<String, String> files, Map<String, String> scenarios, String prefix) {
        RuleSet rules;
        try {
            rules = RuleSet.compile(files);
        } catch (RuleSetCompilationException e) {
            for (RuleMessage m : e.messages()) {
                if (m.level() == RuleMessage.Level.ERROR) {
                    out.println(position(prefix, m.file(), m.line(), m.column()) + "error: " + m.text());
                }
            }
            out.println("the rule set does not compile: run rules validate");
            return AssessmentCli.BAD_RULES;
        }
        ScenarioReport report = new ScenarioRunner(rules).run(scenarios);
        String scenarioPrefix = prefix + RuleSetLoader.SCENARIOS + "/";
        for (ScenarioProblem p : report.problems()) {
            out.println(position(scenarioPrefix, p.file(), p.line(), 0) + "error: " + p.message());
        }
        for (ScenarioReport.ScenarioResult r : report.results()) {
            out.println((r.passed() ? "PASS " : "FAIL ") + r.scenario() + " (" + r.expectations() + " expectation(s)"
                    + (r.passed() ? "" : ", " + r.failures().size() + " failed") + ")");
            if (r.error() != null) {
                out.println("  " + r.error());
            }
            for (ScenarioReport.Failure f : r.failures()) {
                out.println("  " + scenarioPrefix + r.scenario() + ":" + f.line() + ": " + f.expectation()
                        + "  →  actual " + f.actual());
            }
        }
        RuleCoverage coverage = report.coverage();
        int total = rules.ruleNames().size();
        out.println();
        out.println("coverage: " + coverage.firedFor().size() + " of " + total + " rules fired in the scenarios");
        out.println("fired (organizations):");
        coverage.organizationCounts().forEach((rule, n) -> out.println("  " + rule + " (" + n + ")"));
        SortedSet<String> never = new java.util.TreeSet<>(coverage.neverFired());
        out.println("never fired:" + (never.isEmpty() ? " none" : ""));
        never.forEach(rule -> out.println("  " + rule));
        long failed = report.failedCount();
        out.println();
        out.println(report.results().size() - failed + " passed, " + failed + " failed"
                + (report.problems().isEmpty() ? "" : ", " + report.problems().size() + " problem(s) reading the scenarios"));
        return report.passed() ? AssessmentCli.OK : AssessmentCli.SCENARIOS_FAILED;
    }

    private static String position(String prefix, String file, int line, int column) {
        if (file == null) {
            return "";
        }
        return prefix + file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": ";
    }
}
