package org.grassroots.assessment.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "＝1+1", "＋1", "－1", "＠SUM(A1)", " =1+1",
            "   +cmd|' /C calc'!A0", "\u3000＝HYPERLINK(\"x\")", "\u00a0=1", " \t=1", "\t幸福", "\r\n=1", "\n1"})
    void formula_starts_are_dangerous_and_get_an_apostrophe(String text) {
        assertThat(FormulaGuard.isDangerous(text)).isTrue();
        assertThat(FormulaGuard.neutralize(text)).isEqualTo("'" + text);
        assertThat(FormulaGuard.isDangerous(FormulaGuard.neutralize(text))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "红旗村党支部", "a=b", " 红旗 = 1", "1-2", "   ", "'=1", "（一）=1"})
    void other_text_stays_as_it_is(String text) {
        assertThat(FormulaGuard.isDangerous(text)).isFalse();
        assertThat(FormulaGuard.neutralize(text)).isEqualTo(text);
    }
}
