package org.grassroots.assessment.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private static final String VALID = """
            package org.grassroots.assessment.rules;
            import org.grassroots.assessment.model.*;
            rule "X-01 something"
            when
                PeriodFacts( members > 3 )
            then
            end
            """;

    @Test
    void the_default_rule_set_compiles_with_its_declared_version_and_a_checksum() throws Exception {
        RuleSet rules = RuleSetLoader.defaultRuleSet();
        assertThat(rules.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(rules.checksum()).matches("sha256:[0-9a-f]{64}");
        assertThat(rules.ruleNames()).anyMatch(n -> n.startsWith("CB-05 ")).anyMatch(n -> n.startsWith("W-11 "));
        assertThat(rules.files()).containsKey("ruleset.properties");
    }

    @Test
    void the_checksum_depends_on_the_content_only() throws Exception {
        RuleSet a = RuleSet.compile(Map.of("a.drl", VALID));
        RuleSet b = RuleSet.compile(new TreeMap<>(Map.of("a.drl", VALID)));
        RuleSet c = RuleSet.compile(Map.of("a.drl", VALID.replace("> 3", "> 4")));
        assertThat(a.checksum()).isEqualTo(b.checksum()).isNotEqualTo(c.checksum());
        assertThat(a.version()).startsWith("unversioned-").isEqualTo(b.version()).isNotEqualTo(c.version());
    }

    @Test
    void the_version_comes_from_ruleset_properties() throws Exception {
        RuleSet rules = RuleSet.compile(Map.of("a.drl", VALID, "ruleset.properties", "version=2027.2.0\n"));
        assertThat(rules.version()).isEqualTo("2027.2.0");
    }

    @Test
    void a_syntax_error_is_reported_with_file_and_line() {
        String broken = VALID.replace("PeriodFacts( members > 3 )", "PeriodFacts( members >>> 3 )");
        assertThatThrownBy(() -> RuleSet.compile(Map.of("ok.drl", VALID.replace("X-01", "X-02"), "broken.drl", broken)))
                .isInstanceOfSatisfying(RuleSetCompilationException.class, e -> {
                    assertThat(e.messages()).isNotEmpty();
                    assertThat(e.messages()).allSatisfy(m -> assertThat(m.file()).isEqualTo("broken.drl"));
                    assertThat(e.messages()).anySatisfy(m -> {
                        assertThat(m.level()).isEqualTo(RuleMessage.Level.ERROR);
                        assertThat(m.line()).isEqualTo(5);
                    });
                });
    }

    @Test
    void a_set_without_rules_is_refused() {
        assertThatThrownBy(() -> RuleSet.compile(Map.of("ruleset.properties", "version=1")))
                .isInstanceOf(RuleSetCompilationException.class).hasMessageContaining("no .drl");
    }
}
