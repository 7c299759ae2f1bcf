package org.grassroots.assessment.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetValidatorTest {

    private static final String HEADER = """
            package org.grassroots.assessment.rules;

            import org.grassroots.assessment.evaluation.*;
            import org.grassroots.assessment.model.*;
            """;

    /** A file whose line {@code line} is the first condition of a rule named {@code name} (declared on line - 2). */
    private static String file(String name, int line, String condition) {
        StringBuilder text = new StringBuilder(HEADER);
        while (text.toString().split("\n", -1).length < line - 2) {
            text.append("// ...\n");
        }
        text.append("rule \"").append(name).append("\"\nwhen\n    ").append(condition).append("\nthen\nend\n");
        return text.toString();
    }

    @Test
    void a_syntax_error_on_line_17_is_reported_with_file_line_and_column() {
        String drl = file("X-01 broken", 17, "PeriodFacts( members > )");
        assertThat(drl.split("\n")[16]).isEqualTo("    PeriodFacts( members > )");

        ValidationReport report = RuleSetValidator.validate(Map.of("broken.drl", drl,
                "ok.drl", file("X-02 fine", 8, "PeriodFacts( members > 3 )")));

        assertThat(report.ok()).isFalse();
        assertThat(report.ruleSet()).isNull();
        // Drools says "[ERR 101] Line 17:27 no viable alternative at input ')'", counting from 0
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("broken.drl");
            assertThat(e.line()).isEqualTo(17);
            assertThat(e.column()).isEqualTo(28); // the ')' is the 28th character of the line
            assertThat(e.text()).contains("no viable alternative");
        });
    }

    @Test
    void an_unknown_fact_type_is_an_error_with_its_line() {
        ValidationReport report = RuleSetValidator.validate(Map.of("a.drl", file("X-01 typo", 9, "PeriodFact( members > 3 )")));

        assertThat(report.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("a.drl");
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.text()).contains("PeriodFact");
        });
    }

    @Test
    void a_valid_set_gives_its_rule_set_and_no_warning() {
        ValidationReport report = RuleSetValidator.validate(Map.of("a.drl", file("X-01 fine", 8, "PeriodFacts( members > 3 )")));

        assertThat(report.ok()).isTrue();
        assertThat(report.ruleSet().ruleNames()).containsExactly("X-01 fine");
        assertThat(report.warnings()).isEmpty();
        assertThat(report.coverage()).isNull();
    }

    @Test
    void policy_ids_are_found_at_the_start_of_rule_names() {
        assertThat(RuleSetValidator.policyId("CO-01 organizational life 组织生活")).isEqualTo("CO-01");
        assertThat(RuleSetValidator.policyId("C-CATALOG checklist items")).isEqualTo("C-CATALOG");
        assertThat(RuleSetValidator.policyId("W-FS assign a first secretary")).isEqualTo("W-FS");
        assertThat(RuleSetValidator.policyId("V-RATE vanguard rate")).isEqualTo("V-RATE");
        assertThat(RuleSetValidator.policyId("R-00")).isEqualTo("R-00");
        assertThat(RuleSetValidator.policyId("R organizational-life ratio")).isNull();
        assertThat(RuleSetValidator.policyId("co-01 lower case")).isNull();
        assertThat(RuleSetValidator.policyId("CO-01: colon")).isNull();
    }

    @Test
    void warns_about_a_rule_without_id_and_an_id_used_in_two_files_but_not_variants_in_one_file() {
        Map<String, String> files = new HashMap<>();
        files.put("a.drl", file("X-01 first variant", 8, "PeriodFacts( members > 3 )")
                + "\nrule \"X-01 second variant\"\nwhen\n    PeriodFacts( members > 5 )\nthen\nend\n"
                + "\nrule \"no id here\"\nwhen\n    PeriodFacts( members > 7 )\nthen\nend\n");
        files.put("b.drl", file("Y-02 elsewhere", 8, "PeriodFacts( members > 3 )"));
        files.put("c.drl", file("Y-02 again", 10, "PeriodFacts( members > 4 )"));

        ValidationReport report = RuleSetValidator.validate(files);

        assertThat(report.ok()).isTrue();
        assertThat(report.warnings()).extracting(ValidationReport.Warning::kind, ValidationReport.Warning::file,
                        ValidationReport.Warning::line, ValidationReport.Warning::rule)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ValidationReport.Kind.NO_POLICY_ID, "a.drl", 18, "no id here"),
                        org.assertj.core.groups.Tuple.tuple(ValidationReport.Kind.DUPLICATE_ID, "b.drl", 6, "Y-02 elsewhere"),
                        org.assertj.core.groups.Tuple.tuple(ValidationReport.Kind.DUPLICATE_ID, "c.drl", 8, "Y-02 again"));
        assertThat(report.warnings()).filteredOn(w -> w.file().equals("b.drl")).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("also used in c.drl"));
    }

    @Test
    void a_rule_name_used_twice_is_an_error_of_the_compiler() {
        String rule = "\nrule \"X-01 same\"\nwhen\n    PeriodFacts( members > 3 )\nthen\nend\n";
        ValidationReport report = RuleSetValidator.validate(Map.of("a.drl", HEADER + rule, "b.drl", HEADER + rule));

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).anySatisfy(e -> assertThat(e.text()).startsWith("Duplicate rule name: X-01 same"));
    }

    @Test
    void with_scenarios_warns_about_rules_that_fire_in_none() {
        Map<String, String> files = new HashMap<>(RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR));
        files.put("99-extra.drl", file("Z-01 never 从不触发", 8, "PeriodFacts( members > 100000 )"));
        Map<String, String> scenarios = RuleSetLoader.readClasspathScenarios(RuleSetLoader.DEFAULT_RESOURCE_DIR);

        ValidationReport report = RuleSetValidator.validate(files, scenarios);

        assertThat(report.ok()).isTrue();
        assertThat(report.scenarioProblems()).isEmpty();
        assertThat(report.coverage().neverFired()).containsExactly("Z-01 never 从不触发");
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(ValidationReport.Kind.NEVER_FIRED);
            assertThat(w.file()).isEqualTo("99-extra.drl");
            assertThat(w.line()).isEqualTo(6); // the line of its rule keyword
        });
    }

    @Test
    void a_directory_with_scenarios_has_the_checksum_of_its_rules_alone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        for (Map.Entry<String, String> f : RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR).entrySet()) {
            java.nio.file.Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        java.nio.file.Files.createDirectories(dir.resolve("scenarios/more"));
        java.nio.file.Files.writeString(dir.resolve("scenarios/more/x.scenario"), "bundle: ../b.json\n");

        assertThat(RuleSetLoader.fromDirectory(dir).checksum()).isEqualTo(RuleSetLoader.defaultRuleSet().checksum());
        assertThat(RuleSetLoader.readScenarios(dir)).containsOnlyKeys("more/x.scenario");
    }

    @Test
    void reading_scenarios_does_not_change_the_rule_files_or_checksum() throws Exception {
        Map<String, String> files = RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR);
        assertThat(files.keySet()).allSatisfy(name -> assertThat(name).doesNotContain("/").doesNotEndWith(".scenario"));
        assertThat(RuleSetLoader.readClasspathScenarios(RuleSetLoader.DEFAULT_RESOURCE_DIR))
                .containsKeys("worked-example.scenario", "worked-example.json");
    }
}
