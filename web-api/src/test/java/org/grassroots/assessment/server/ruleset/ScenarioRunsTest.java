package org.grassroots.assessment.server.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.scenario.ScenarioReport;
import org.grassroots.assessment.scenario.ScenarioRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scenarios run per bundle in parallel report exactly what one {@link ScenarioRunner} reports. */
class ScenarioRunsTest {

    private static RuleSet shipped;
    private static RuleSet cb05;

    @BeforeAll
    static void compile() throws Exception {
        shipped = CachedClassLookups.compile(() -> RuleSet.compile(RuleFiles.shipped()));
        cb05 = CachedClassLookups.compile(() -> RuleSet.compile(RuleFiles.cb05Weight50()));
    }

    private static Map<String, String> scenarios() {
        return new TreeMap<>(RuleSetLoader.readClasspathScenarios(RuleSetLoader.DEFAULT_RESOURCE_DIR));
    }

    @Test
    void passing_scenarios_report_as_one_runner_does() {
        ScenarioReport parallel = ScenarioRuns.run(shipped, scenarios(), Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION, Deadline.NONE);
        assertThat(parallel.passed()).isTrue();
        assertThat(parallel).isEqualTo(new ScenarioRunner(shipped).run(scenarios()));
    }

    @Test
    void failing_scenarios_and_problems_report_as_one_runner_does() {
        Map<String, String> files = scenarios();
        files.put("zz-missing-bundle.scenario", files.get("worked-example.scenario")
                .replace("worked-example.json", "no-such-bundle.json"));
        ScenarioReport parallel = ScenarioRuns.run(cb05, files, Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION, Deadline.NONE);
        ScenarioReport one = new ScenarioRunner(cb05).run(files);
        assertThat(parallel.failedCount()).isPositive();
        assertThat(parallel.problems()).isNotEmpty();
        assertThat(parallel).isEqualTo(one);
    }
}
