package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueTextTest {

    @Test
    void a_quoted_text_is_cut_after_40_characters_counted_in_code_points() {
        String forty = "党".repeat(39) + "𠀀";
        assertThat(ValueText.quote(forty)).isEqualTo("\"" + forty + "\"");
        assertThat(ValueText.quote(forty + "x")).isEqualTo("\"" + forty + "…\"");
        assertThat(ValueText.quote("")).isEqualTo("\"\"");
    }
}
