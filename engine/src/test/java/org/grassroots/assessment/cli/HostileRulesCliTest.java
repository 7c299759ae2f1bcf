package org.grassroots.assessment.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.grassroots.assessment.ruleset.HostileRule;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line refuses every file of the static hostile corpus, with its file, line and column. */
class HostileRulesCliTest {

    @TempDir
    Path tmp;

    static Stream<HostileRule> corpus() {
        return HostileRule.read(HostileRule.STATIC).stream();
    }

    /** The shipped rules plus the hostile file, in a directory as a maintainer would keep them. */
    private Path rulesWith(HostileRule rule) throws IOException {
        Path dir = tmp.resolve("rules");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR).entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(dir.resolve(rule.file()), rule.content());
        return dir;
    }

    private record Outcome(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new AssessmentCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String where(HostileRule rule) {
        return rule.file() + ":" + rule.line() + ":" + rule.column() + ": ";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rules_validate_refuses_it(HostileRule rule) throws IOException {
        Outcome o = run("rules", "validate", rulesWith(rule).toString());
        assertThat(o.code()).isNotEqualTo(AssessmentCli.OK);
        assertThat(o.all()).contains(where(rule)).contains("refused: " + rule.name() + " ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void evaluate_with_these_rules_refuses_them_and_writes_no_result(HostileRule rule) throws IOException {
        Path bundle = tmp.resolve("worked-example.json");
        try (InputStream in = getClass().getResourceAsStream("/bundle/worked-example.json")) {
            Files.copy(in, bundle);
        }
        Path result = tmp.resolve("result.json");
        Outcome o = run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--as-of", "2026-12-31",
                "--rules", rulesWith(rule).toString(), "--out", result.toString());
        assertThat(o.code()).isEqualTo(AssessmentCli.BAD_RULES);
        assertThat(o.all()).contains(where(rule)).contains("refused: " + rule.name() + " ");
        assertThat(result).doesNotExist();
    }
}
