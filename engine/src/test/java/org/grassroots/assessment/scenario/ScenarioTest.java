package org.grassroots.assessment.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    private static String workedExample;

    @BeforeAll
    static void readBundle() throws IOException {
        try (InputStream in = ScenarioTest.class.getResourceAsStream("/bundle/worked-example.json")) {
            workedExample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final String GOOD = """
            # 石桥村 is weak as of year end
            # (two comment lines)
            bundle: worked-example.json
            period: 2026
            asOf: 2026-12-31
            expect:
            V-SHIQIAO.tier = WEAK
            V-HONGQI.explanation[CB-05] = 24.75
            V-HONGQI.titles = [THREE_FORCES, DEMONSTRATION_CANDIDATE]
            V-SHIQIAO.weakTriggers contains W-05
            V-HONGQI.weakTriggers lacks W-05
            members.HQ-05.titles = [SERVICE, DEDICATION]
            rectifications.count(V-SHIQIAO, GRADING) = 9
            rectifications.count(V-SHIQIAO) = 17
            XQ-T01.inspectionScore = null
            V-HONGQI.composite = 97.075
            organizations.count = 6
            members.HQ-05.disqualified = null
            """;

    @Test
    void parses_a_scenario() {
        List<ScenarioProblem> problems = new ArrayList<>();
        Scenario s = ScenarioParser.parse("a/x.scenario", GOOD, problems);

        assertThat(problems).isEmpty();
        assertThat(s.description()).isEqualTo("石桥村 is weak as of year end (two comment lines)");
        assertThat(s.period()).isEqualTo(Period.parse("2026"));
        assertThat(s.asOf()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(s.bundlePath()).isEqualTo("a/worked-example.json");
        assertThat(s.expectations()).hasSize(12);
        assertThat(s.expectations().get(6).target()).isEqualTo("rectifications.count(V-SHIQIAO, GRADING)");
        assertThat(s.expectations().get(0).line()).isEqualTo(7);
    }

    @Test
    void as_of_defaults_to_the_period_end() {
        Scenario s = ScenarioParser.parse("q.scenario", "bundle: b.json\nperiod: 2026-Q3\nexpect:\norganizations.count = 6\n",
                new ArrayList<>());
        assertThat(s.asOf()).isEqualTo(LocalDate.parse("2026-09-30"));
    }

    @Test
    void every_problem_is_reported_with_file_and_line() {
        String text = """
                bundle: worked-example.json
                period: 2026-Q5
                asOf: 31.12.2026
                colour: red
                expect:
                V-HONGQI.tier = ADVANCED
                V-HONGQI.colour = RED
                V-HONGQI.composite = high
                V-HONGQI.tier contains ADVANCED
                V-HONGQI.titles = THREE_FORCES
                just some words
                members.HQ-01.age = 3
                """;
        List<ScenarioProblem> problems = new ArrayList<>();
        assertThat(ScenarioParser.parse("bad.scenario", text, problems)).isNull();

        assertThat(problems).extracting(ScenarioProblem::line).containsExactly(2, 3, 4, 7, 8, 9, 10, 11, 12);
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("bad.scenario"));
        assertThat(problems.get(3).toString()).startsWith("bad.scenario:7: unknown field colour");
    }

    @Test
    void an_as_of_date_beyond_the_periods_years_is_a_problem_of_its_line() {
        List<ScenarioProblem> problems = new ArrayList<>();
        assertThat(ScenarioParser.parse("far.scenario", "bundle: b.json\nperiod: 2026\nasOf: +999999999-12-31\n"
                + "expect:\norganizations.count = 6\n", problems)).isNull();
        assertThat(problems).extracting(ScenarioProblem::line).containsExactly(3);
        assertThat(problems.get(0).message()).startsWith("asOf must lie in the years 1900–2999");
    }

    @Test
    void a_file_without_bundle_or_expectations_is_reported() {
        List<ScenarioProblem> problems = new ArrayList<>();
        ScenarioParser.parse("empty.scenario", "# nothing\n", problems);
        assertThat(problems).extracting(ScenarioProblem::message)
                .containsExactly("no bundle: line", "no expect: section");
    }

    @Test
    void runs_scenarios_and_reports_failed_expectations_with_the_actual_value() throws Exception {
        String failing = GOOD.replace("V-SHIQIAO.tier = WEAK", "V-SHIQIAO.tier = GOOD")
                .replace("V-HONGQI.composite = 97.075", "V-HONGQI.composite = 97.1")
                .replace("V-SHIQIAO.weakTriggers contains W-05", "V-SHIQIAO.weakTriggers contains W-04")
                .replace("members.HQ-05.titles", "members.NOBODY.titles");
        Map<String, String> files = Map.of("good.scenario", GOOD, "failing.scenario", failing,
                "worked-example.json", workedExample, "lost.scenario", GOOD.replace("bundle: worked-example.json", "bundle: lost.json"));

        ScenarioReport report = new ScenarioRunner(RuleSetLoader.defaultRuleSet()).run(files);

        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo("lost.scenario: the bundle lost.json is not in the scenario set"));
        assertThat(report.results()).extracting(ScenarioReport.ScenarioResult::scenario, ScenarioReport.ScenarioResult::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("failing.scenario", false),
                        org.assertj.core.groups.Tuple.tuple("good.scenario", true));
        assertThat(report.results().get(0).failures()).extracting(ScenarioReport.Failure::line, ScenarioReport.Failure::actual)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(7, "WEAK"),
                        org.assertj.core.groups.Tuple.tuple(10, "[W-01, W-02, W-03, W-05, W-08, W-09, W-10, W-11]"),
                        org.assertj.core.groups.Tuple.tuple(12, "no member NOBODY in the result"),
                        org.assertj.core.groups.Tuple.tuple(16, "97.08"));
        assertThat(report.coverage().fired()).contains("CB-05 inspection score 明察暗访得分", "C-CATALOG checklist items");
        assertThat(report.coverage().firedFor().get("W-05 shell collective economy 集体经济空壳")).containsExactly("V-SHIQIAO");
    }
}
