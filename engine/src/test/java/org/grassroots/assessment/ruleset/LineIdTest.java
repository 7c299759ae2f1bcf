package org.grassroots.assessment.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An explanation line carries the id of the rule that explains it: the fence (so the validator and
 * every other way in) refuses a {@code new Line(…, "ID", …)} whose id is not the policy id its rule
 * name starts with, with file, line and column and a Chinese message, like its other refusals.
 */
class LineIdTest {

    private static final String HEADER = """
            package org.grassroots.assessment.rules;

            import org.grassroots.assessment.evaluation.*;
            import org.grassroots.assessment.model.*;
            import function org.grassroots.assessment.evaluation.Rounding.num;

            """;

    private static String rule(String name, String then) {
        return "rule \"" + name + "\"\nwhen\n    PeriodFacts( $o : orgCode )\nthen\n    " + then + "\nend\n";
    }

    private static String line(String id) {
        return "insert(new Line($o, \"" + id + "\", Dimension.COMBAT, 1, \"x\"));";
    }

    @Test
    void a_line_whose_id_differs_from_its_rule_name_is_refused_at_its_place() {
        String drl = HEADER + rule("CB-05 inspection score", line("CB-06"));
        // line 11 is the insert; the id's string starts in column 25
        assertThat(drl.split("\n")[10]).startsWith("    insert(new Line($o, \"CB-06\"");

        ValidationReport report = RuleSetValidator.validate(Map.of("50-combat.drl", drl));

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("50-combat.drl");
            assertThat(e.line()).isEqualTo(11);
            assertThat(e.column()).isEqualTo(25);
            assertThat(e.text()).contains("规则 \"CB-05 inspection score\" 的编号是 CB-05，它创建的说明行（Line）编号却是 CB-06")
                    .contains("refused: CB-06");
            assertThat(e.toString()).startsWith("ERROR 50-combat.drl:11:25: ");
        });
    }

    @Test
    void the_shipped_set_with_a_rule_copied_under_another_id_is_refused() throws Exception {
        Map<String, String> files = new TreeMap<>(RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR));
        String combat = files.get("50-combat.drl");
        String copied = combat.replace("insert(new Line($o, \"CB-05\", Dimension.COMBAT, POINTS,",
                "insert(new Line($o, \"CB-06\", Dimension.COMBAT, POINTS,");
        assertThat(copied).isNotEqualTo(combat);
        files.put("50-combat.drl", copied);
        int line = (int) copied.substring(0, copied.indexOf("\"CB-06\", Dimension.COMBAT, POINTS")).lines().count();

        ValidationReport report = RuleSetValidator.validate(files);

        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("50-combat.drl");
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.text()).contains("规则 \"CB-05 not inspected 未接受明察暗访\" 的编号是 CB-05").contains("CB-06");
        });
    }

    @Test
    void variants_of_a_rule_share_its_id_and_policy_numbers_may_be_bound_once() {
        // the convention of the shipped set: final locals in the consequence, Number(...) from N in the conditions
        String drl = HEADER
                + rule("X-01 first variant", "final double WEIGHT = 25;\n    insert(new Line($o, \"X-01\", Dimension.COMBAT, WEIGHT, \"× \" + num(WEIGHT)));")
                + rule("X-01 second variant", "final int DAYS = 60;\n    insert(new Line($o, \"X-01\", Dimension.COMBAT, DAYS, \"得 \" + DAYS + \" 分\"));")
                + "rule \"X-02 bound\"\nwhen\n    Number( $MIN : doubleValue ) from 85\n    ForceScore( $o : orgCode, $v : value >= $MIN )\n"
                + "then\n    insert(new Line($o, \"X-02\", Dimension.COMBAT, $v, \"不低于 \" + num($MIN)));\nend\n";

        ValidationReport report = RuleSetValidator.validate(Map.of("a.drl", drl));

        assertThat(report.errors()).isEmpty();
        assertThat(report.ruleSet().ruleNames()).containsExactly("X-01 first variant", "X-01 second variant", "X-02 bound");
    }

    @Test
    void an_id_that_is_not_written_as_a_string_is_refused() {
        String drl = HEADER + rule("CB-05 computed id", "String id = \"CB-0\" + 6;\n    insert(new Line($o, id, Dimension.COMBAT, 1, \"x\"));");

        ValidationReport report = RuleSetValidator.validate(Map.of("a.drl", drl));

        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(12);
            assertThat(e.text()).contains("说明行（Line）的规则编号必须直接写成字符串，即规则名称开头的编号 CB-05");
        });
    }

    @Test
    void a_rule_without_a_policy_id_creates_no_line() {
        String drl = HEADER + rule("no id here", line("X-01"));

        ValidationReport report = RuleSetValidator.validate(Map.of("a.drl", drl));

        assertThat(report.errors()).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("规则 \"no id here\" 的名称不以规则编号开头，不能创建说明行（Line）"));
    }

    @Test
    void a_function_cannot_make_a_line_for_a_rule_to_insert() {
        String drl = HEADER + "function Line anyLine(String o) {\n    return new Line(o, \"CB-06\", Dimension.COMBAT, 1, \"x\");\n}\n\n"
                + rule("CB-05 through a function", "insert(anyLine($o));");

        ValidationReport report = RuleSetValidator.validate(Map.of("a.drl", drl));

        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.text()).contains("说明行（Line）只能在规则的结果部分（then）中创建");
        });
    }
}
