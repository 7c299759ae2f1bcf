package org.grassroots.assessment.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the static hostile corpus, beside the shipped rules, is refused where its header says. */
class HostileRulesTest {

    private static final Map<String, String> SHIPPED = RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR);

    static Stream<HostileRule> corpus() {
        return HostileRule.read(HostileRule.STATIC).stream();
    }

    private static Map<String, String> shippedWith(HostileRule rule) {
        Map<String, String> files = new TreeMap<>(SHIPPED);
        files.put(rule.file(), rule.content());
        return files;
    }

    @Test
    void the_corpus_covers_at_least_twenty_attempts_each_with_an_expected_refusal() {
        List<HostileRule> rules = corpus().toList();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(20);
        assertThat(rules).allSatisfy(r -> assertThat(r.refused()).as(r.file()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void compiling_refuses_it_at_its_line_and_column_naming_what_it_uses(HostileRule rule) {
        assertThatThrownBy(() -> RuleSet.compile(shippedWith(rule)))
                .isInstanceOfSatisfying(RuleSetCompilationException.class, e -> {
                    assertThat(e.messages()).as(rule.toString()).anySatisfy(m -> assertThat(rule.matches(m)).as(m.toString()).isTrue());
                    // only the hostile file is blamed: the shipped files pass the fence
                    assertThat(e.messages()).allSatisfy(m -> assertThat(m.file()).isEqualTo(rule.file()));
                    assertThat(e.messages()).allSatisfy(m -> assertThat(m.text()).contains(" / refused: "));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void validating_reports_it_like_a_compile_error(HostileRule rule) {
        ValidationReport report = RuleSetValidator.validate(shippedWith(rule));
        assertThat(report.ruleSet()).isNull();
        assertThat(report.errors()).anySatisfy(m -> assertThat(rule.matches(m)).as(m.toString()).isTrue());
    }
}
