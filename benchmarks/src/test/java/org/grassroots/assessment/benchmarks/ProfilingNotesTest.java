package org.grassroots.assessment.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The engine section of BENCHMARKS.md is rewritten by every benchmark run, its profiling notes from
 * {@code profiling-notes.md}: notes written into BENCHMARKS.md alone would be lost at the next run.
 */
class ProfilingNotesTest {

    @Test
    void benchmarksMdHoldsTheProfilingNotesAsTheNextRunWillWriteThem() throws Exception {
        String md = Files.readString(Path.of("../BENCHMARKS.md"), StandardCharsets.UTF_8);
        int start = md.indexOf(Report.START);
        int end = md.indexOf(Report.END);
        assertThat(start).as("the engine section's start marker").isNotNegative();
        assertThat(end).as("the engine section's end marker").isGreaterThan(start);

        String notes = Report.notes().strip();
        assertThat(notes).startsWith("### Profiling notes");
        assertThat(md.substring(start, end)).as("BENCHMARKS.md's engine section against profiling-notes.md")
                .contains(notes);
    }
}
