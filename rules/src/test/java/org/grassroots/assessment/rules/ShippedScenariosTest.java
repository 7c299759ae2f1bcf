package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.ruleset.RuleSetValidator;
import org.grassroots.assessment.ruleset.ValidationReport;
import org.grassroots.assessment.scenario.ScenarioReport;
import org.grassroots.assessment.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;

/** The scenarios shipped next to the rules (assessment-rules/scenarios) pass and make every rule fire. */
class ShippedScenariosTest {

    private static final String DIR = RuleSetLoader.DEFAULT_RESOURCE_DIR;

    @Test
    void every_shipped_scenario_passes_and_every_rule_fires_in_one() throws Exception {
        RuleSet rules = RuleSetLoader.defaultRuleSet();
        ScenarioReport report = new ScenarioRunner(rules).run(RuleSetLoader.readClasspathScenarios(DIR));

        assertThat(report.problems()).isEmpty();
        assertThat(report.results()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.error()).as(r.scenario()).isNull();
            assertThat(r.failures()).as(r.scenario()).isEmpty();
        });
        assertThat(report.coverage().neverFired()).as("rules no shipped scenario makes fire").isEmpty();
        assertThat(report.coverage().fired()).containsExactlyElementsOf(rules.ruleNames());
    }

    @Test
    void the_shipped_set_validates_without_any_warning() {
        Map<String, String> files = RuleSetLoader.readClasspath(DIR);
        ValidationReport report = RuleSetValidator.validate(files, RuleSetLoader.readClasspathScenarios(DIR));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.scenarioProblems()).isEmpty();
    }

    @Test
    void every_shipped_rule_name_starts_with_a_policy_id() throws Exception {
        assertThat(RuleSetLoader.defaultRuleSet().ruleNames())
                .allSatisfy(name -> assertThat(RuleSetValidator.policyId(name)).as(name).isNotNull());
    }
}
