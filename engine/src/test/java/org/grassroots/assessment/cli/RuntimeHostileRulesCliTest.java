package org.grassroots.assessment.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.grassroots.assessment.hostile.RuntimeHostileRules;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code evaluate --rules DIR} with each run-time hostile file beside the shipped set exits 5 with the error. */
class RuntimeHostileRulesCliTest {

    @TempDir
    Path dir;

    static List<RuntimeHostileRules> corpus() {
        return RuntimeHostileRules.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void evaluate_exits_5_and_names_the_rule_or_the_limit(RuntimeHostileRules hostile) throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        for (Map.Entry<String, String> f : hostile.files().entrySet()) {
            Files.writeString(rules.resolve(f.getKey()), f.getValue());
        }
        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, RuntimeHostileRules.bundleJson());
        Path result = dir.resolve("result.json");
        boolean loop = hostile.expected() == ExecutionStoppedException.Reason.FIRING_LIMIT;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new AssessmentCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"evaluate", "--bundle",
                    bundle.toString(), "--period", "2026", "--as-of", "2026-12-31", "--rules", rules.toString(),
                    "--out", result.toString(), "--time-limit", loop ? "300" : "1"});

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(message).isEqualTo(AssessmentCli.STOPPED);
        assertThat(Files.exists(result)).isFalse();
        if (loop) {
            assertThat(hostile.ruleNames()).anySatisfy(rule -> assertThat(message).contains("规则 \"" + rule + "\""));
            assertThat(message).contains("次的上限，已停止");
        } else {
            assertThat(message).contains("评价 (evaluation)超过 1 秒的时间上限，已停止");
        }
    }
}
