package org.grassroots.assessment.scenario;

import java.util.List;
import org.grassroots.assessment.evaluation.RuleCoverage;

/**
 * What running a set of scenarios found: the problems reading them (a scenario with a problem is
 * not run), the result of every scenario that ran, and the rule coverage over all of them.
 */
public record ScenarioReport(List<ScenarioProblem> problems, List<ScenarioResult> results, RuleCoverage coverage) {

    public ScenarioReport {
        problems = List.copyOf(problems);
        results = List.copyOf(results);
    }

    /** One failed expectation: its line, its text and the value actually found. */
    public record Failure(int line, String expectation, String expected, String actual) {
    }

    /**
     * One scenario's outcome. {@code error} is set when it could not be evaluated (bundle missing or
     * invalid, rules failing); then it fails without failures listed.
     */
    public record ScenarioResult(String scenario, String description, boolean passed, int expectations,
            List<Failure> failures, String error) {

        public ScenarioResult {
            failures = List.copyOf(failures);
        }
    }

    /** True when every scenario was read, ran and passed. */
    public boolean passed() {
        return problems.isEmpty() && results.stream().allMatch(ScenarioResult::passed);
    }

    public long failedCount() {
        return results.stream().filter(r -> !r.passed()).count();
    }
}
