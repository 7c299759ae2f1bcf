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
import org.grassroots.assessment.ruleset.ClassicOnlyRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule directory in a form only the classic compile accepts (G-01's old {@code collectList} of an
 * expression) still evaluates with {@code --rules DIR}, with the shipped set's results: the
 * executable model is for the shipped set only.
 */
class ClassicOnlyRulesCliTest {

    @TempDir
    Path dir;

    private String evaluate(String... rules) throws IOException {
        Path bundle = dir.resolve("worked-example.json");
        if (!Files.exists(bundle)) {
            try (InputStream in = getClass().getResourceAsStream("/bundle/worked-example.json")) {
                Files.copy(in, bundle);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"evaluate", "--bundle", bundle.toString(), "--period", "2026", "--as-of", "2026-12-31"};
        if (rules.length > 0) {
            args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(rules)).toArray(String[]::new);
        }
        int code = new AssessmentCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_classic_only_rule_directory_gives_the_shipped_results_apart_from_the_checksum() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (Map.Entry<String, String> f : ClassicOnlyRules.shippedWithOldG01().entrySet()) {
            Files.writeString(rules.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }

        String shipped = evaluate();
        String classicOnly = evaluate("--rules", rules.toString());

        assertThat(classicOnly).isNotEqualTo(shipped);
        assertThat(withoutChecksum(classicOnly)).isEqualTo(withoutChecksum(shipped));
    }

    private static String withoutChecksum(String json) {
        return json.replaceAll("sha256:[0-9a-f]{64}", "sha256:…");
    }
}
