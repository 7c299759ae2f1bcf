package org.grassroots.assessment.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {

    @TempDir
    Path tmp;

    private Path rules;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A copy of the shipped rule directory, scenarios included. */
    @BeforeEach
    void copyShippedRules() throws IOException {
        rules = tmp.resolve("rules");
        Files.createDirectories(rules.resolve("scenarios"));
        for (Map.Entry<String, String> f : RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR).entrySet()) {
            Files.writeString(rules.resolve(f.getKey()), f.getValue());
        }
        for (Map.Entry<String, String> f : RuleSetLoader.readClasspathScenarios(RuleSetLoader.DEFAULT_RESOURCE_DIR).entrySet()) {
            Files.writeString(rules.resolve("scenarios").resolve(f.getKey()), f.getValue());
        }
    }

    private int run(String... args) {
        return new AssessmentCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = rules.resolve(file);
        String before = Files.readString(p);
        assertThat(before).contains(from);
        Files.writeString(p, before.replace(from, to));
    }

    @Test
    void validate_the_shipped_set_is_clean() {
        assertThat(run("rules", "validate")).isEqualTo(AssessmentCli.OK);
        assertThat(output()).contains("83 rules, 0 errors, 0 warning(s)").doesNotContain("warning:");
    }

    @Test
    void validate_prints_errors_as_file_line_column_and_exits_3() throws IOException {
        edit("30-cohesion.drl", "    $f : PeriodFacts( $o : orgCode )\n", "    $f : PeriodFacts( $o : orgCode, )\n");

        assertThat(run("rules", "validate", rules.toString())).isEqualTo(AssessmentCli.BAD_RULES);
        // line 19 of 30-cohesion.drl is the edited condition; the ')' is its 37th character
        assertThat(output()).contains(rules + "/30-cohesion.drl:19:37: error: ")
                .contains("1 error(s)");
    }

    @Test
    void validate_warns_about_names_without_id_ids_in_two_files_and_rules_no_scenario_fires() throws IOException {
        edit("30-cohesion.drl", "rule \"R-00 organizational-life ratio", "rule \"R organizational-life ratio");
        edit("30-cohesion.drl", "rule \"CO-02 ", "rule \"CB-02 ");
        edit("30-cohesion.drl", "new Line($o, \"CO-02\"", "new Line($o, \"CB-02\"");
        Files.delete(rules.resolve("scenarios/demo-weak-villages.scenario"));

        assertThat(run("rules", "validate", rules.toString())).isEqualTo(AssessmentCli.OK);
        assertThat(output())
                .contains("30-cohesion.drl:15: warning: rule \"R organizational-life ratio 组织生活正常率\" has no policy id")
                .contains("30-cohesion.drl:51: warning: policy id CB-02 of rule \"CB-02 study attendance 学习参学率\" is also used in 50-combat.drl")
                .contains("warning: rule \"W-04 no activity venue 阵地缺失\" fires in none of the 4 scenario(s)");
    }

    @Test
    void test_the_shipped_set_passes_and_covers_every_rule() {
        assertThat(run("rules", "test")).isEqualTo(AssessmentCli.OK);
        assertThat(output()).contains("PASS worked-example.scenario").contains("coverage: 83 of 83 rules fired")
                .contains("never fired: none").contains("0 failed");
    }

    @Test
    void test_reports_failed_expectations_and_exits_4() throws IOException {
        Path scenario = rules.resolve("scenarios/worked-example.scenario");
        Files.writeString(scenario, Files.readString(scenario).replace("V-HONGQI.composite = 97.08", "V-HONGQI.composite = 97.5"));

        assertThat(run("rules", "test", rules.toString())).isEqualTo(AssessmentCli.SCENARIOS_FAILED);
        assertThat(output()).contains("FAIL worked-example.scenario (38 expectation(s), 1 failed)")
                .contains("worked-example.scenario:9: V-HONGQI.composite = 97.5  →  actual 97.08")
                .contains("PASS demo-weak-villages.scenario");
    }

    @Test
    void a_changed_rule_number_shows_up_in_the_scenarios() throws IOException {
        edit("50-combat.drl", "final double WEIGHT_PERCENT = 25;", "final double WEIGHT_PERCENT = 30;");

        assertThat(run("rules", "test", rules.toString())).isEqualTo(AssessmentCli.SCENARIOS_FAILED);
        assertThat(output()).contains("V-HONGQI.explanation[CB-05] = 24.75  →  actual 29.70");
    }

    @Test
    void a_missing_directory_and_a_wrong_subcommand_are_reported() {
        assertThat(run("rules", "validate", tmp.resolve("nope").toString())).isEqualTo(AssessmentCli.INVALID_INPUT);
        assertThat(run("rules", "check")).isEqualTo(AssessmentCli.USAGE);
    }
}
