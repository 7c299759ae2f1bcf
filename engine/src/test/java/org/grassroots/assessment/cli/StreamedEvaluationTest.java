package org.grassroots.assessment.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.bundle.SpilledBundle;
import org.grassroots.assessment.bundle.StoredRecords;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed evaluation over many parts (parts read ahead, results written behind, the spilled
 * results read ahead while the JSON is written) gives the bytes of the in-memory evaluation, and
 * leaves neither a temporary file nor a thread behind, also when the evaluation stops half-way.
 */
class StreamedEvaluationTest {

    private static final BundleReader END_OF_2026 = new BundleReader(
            Clock.fixed(Instant.parse("2026-12-31T12:00:00Z"), ZoneOffset.UTC), StoredRecords.NONE);
    private static final Period PERIOD = Period.parse("2026");
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);

    private static RuleSet rules;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadRules() throws Exception {
        rules = RuleSetLoader.defaultRuleSet();
    }

    private Path workedExample() throws Exception {
        Path file = dir.resolve("worked-example.json");
        try (InputStream in = getClass().getResourceAsStream("/bundle/worked-example.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void many_parts_give_the_bytes_of_the_whole_evaluation() throws Exception {
        Path file = workedExample();
        Evaluator evaluator = new Evaluator(rules, 2, 32);
        Bundle whole = END_OF_2026.read(file);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ResultJson.write(evaluator.evaluate(new BundleData(whole), PERIOD, AS_OF), expected);
        Path temp = Files.createDirectory(dir.resolve("temp"));

        for (int parts : new int[] {1, 3, 7}) {
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            try (SpilledBundle spilled = END_OF_2026.spill(file, temp, parts)) {
                new StreamedEvaluation(evaluator, temp).evaluate(spilled, PERIOD, AS_OF, null, streamed);
            }
            assertThat(streamed.toByteArray()).as("%d parts", parts).isEqualTo(expected.toByteArray());
        }
        assertThat(expected.size()).isGreaterThan(10_000);
        try (var left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
        assertThat(spillThreads()).isZero();
    }

    @Test
    void an_evaluation_stopped_half_way_leaves_no_file_and_no_thread() throws Exception {
        Path file = workedExample();
        Deadline deadline = Deadline.after(Duration.ofMinutes(5), "test");
        deadline.cancel();
        Evaluator stopped = new Evaluator(rules, 2, 32).limitedBy(Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION, deadline);
        Path temp = Files.createDirectory(dir.resolve("temp"));

        try (SpilledBundle spilled = END_OF_2026.spill(file, temp, 5)) {
            assertThatThrownBy(() -> new StreamedEvaluation(stopped, temp)
                    .evaluate(spilled, PERIOD, AS_OF, null, new ByteArrayOutputStream()))
                    .isInstanceOf(ExecutionStoppedException.class);
            try (var left = Files.list(temp)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as("only the bundle's parts are left, no result spill").allMatch(n -> n.startsWith("assessment-bundle-"));
            }
        }
        assertThat(spillThreads()).isZero();
    }

    private static long spillThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("spill-"))
                .count();
    }
}
