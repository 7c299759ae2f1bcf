package org.grassroots.assessment.server.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** One read keeps one object per value: the kept ledger's million rows share their dates and codes. */
class CanonicalTest {

    @Test
    void equal_values_of_one_read_become_the_first_one_read() {
        Canonical one = new Canonical();
        LocalDate first = LocalDate.of(2026, 12, 31);
        LocalDate again = LocalDate.parse("2026-12-31");
        String code = new String("XQ-Z01");

        assertThat(one.of(first)).isSameAs(first);
        assertThat(one.of(again)).isSameAs(first).isNotSameAs(again);
        assertThat(one.of(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 1)).isNotSameAs(first);
        assertThat(one.of(code)).isSameAs(code);
        assertThat(one.of(new String("XQ-Z01"))).isSameAs(code);
        assertThat(one.<String>of(null)).isNull();
        assertThat(new Canonical().of(again)).as("another read keeps its own").isSameAs(again);
    }
}
