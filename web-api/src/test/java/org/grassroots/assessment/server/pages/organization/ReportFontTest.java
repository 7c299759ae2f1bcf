package org.grassroots.assessment.server.pages.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report font: the configured file, else the first system font that exists, else none with a message naming the package. */
class ReportFontTest {

    @TempDir
    Path dir;

    @Test
    void the_first_existing_candidate_is_taken() throws IOException {
        Path second = Files.writeString(dir.resolve("b.ttf"), "x");
        assertThat(new ReportFont("", List.of(dir.resolve("a.ttc"), second)).path()).contains(second);
    }

    @Test
    void without_a_font_there_is_none_and_the_message_names_the_package() {
        assertThat(new ReportFont(null, List.of(dir.resolve("none.ttc"))).path()).isEmpty();
        assertThat(ReportFont.MISSING).contains("fonts-wqy-zenhei", "apt-get install", "assessment.report.font");
    }

    @Test
    void a_configured_font_must_be_readable() throws IOException {
        Path mine = Files.writeString(dir.resolve("mine.ttf"), "x");
        assertThat(new ReportFont(mine.toString(), List.of()).path()).contains(mine);
        assertThatThrownBy(() -> new ReportFont(dir.resolve("missing.ttf").toString(), List.of()))
                .hasMessageContaining("assessment.report.font");
    }
}
