package org.grassroots.assessment.server.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Pattern;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The watched rules directory: a change that compiles is stored and activated; a broken one is not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + RuleDirectoryWatcherTest.DATA_DIR, "assessment.demo=false",
            "assessment.rules.watch-dir=" + RuleDirectoryWatcherTest.RULES_DIR,
            "assessment.rules.watch-interval=PT0.3S"})
@ExtendWith(OutputCaptureExtension.class)
class RuleDirectoryWatcherTest {

    static final String DATA_DIR = "target/test-data/rule-set-watch";
    static final String RULES_DIR = DATA_DIR + "-rules";
    /** The watcher's log line for a set of files it does not activate. */
    private static final Pattern KEPT = Pattern.compile(
            "rules directory .+?: (the files do not compile|refused|cannot be read)[^\\n]*the active rule set stays");

    @LocalServerPort
    int port;

    @BeforeAll
    static void freshDirectories() throws IOException {
        ApiClient.deleteDataDir(DATA_DIR);
        ApiClient.deleteDataDir(RULES_DIR);
        write(RuleFiles.shipped());
    }

    @Test
    void a_change_that_compiles_is_activated_and_a_broken_one_is_not(CapturedOutput output) throws Exception {
        ApiClient api = new ApiClient(port);
        String shipped = RuleSetLoader.defaultRuleSet().checksum();
        Thread.sleep(1500);
        assertThat(api.get("/api/rules/versions").json().size()).as("the shipped files are the active set").isEqualTo(1);

        Map<String, String> changed = new java.util.TreeMap<>(RuleFiles.cb05Weight50());
        changed.entrySet().removeIf(f -> f.getValue().equals(RuleFiles.shipped().get(f.getKey())));
        assertThat(changed).hasSize(2);
        write(changed);
        JsonNode active = awaitActiveVersion(api, RuleFiles.CB05_VERSION);
        assertThat(active.get("fallback").asBoolean()).isFalse();
        assertThat(active.get("checksum").asString()).isNotEqualTo(shipped);
        JsonNode versions = api.get("/api/rules/versions").json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("activatedBy").asString()).isEqualTo("system");
        // the audit trail has the version stored and activated by the system
        String target = "ruleset:" + versions.get(0).get("id").asLong();
        JsonNode audit = api.get("/api/audit?target=" + target).json().get("entries");
        assertThat(audit.size()).isEqualTo(2);
        assertThat(audit.get(0).get("action").asString()).isEqualTo("RULESET_ACTIVATED");
        assertThat(audit.get(1).get("action").asString()).isEqualTo("RULESET_DRAFTED");
        audit.forEach(e -> assertThat(e.get("actor").asString()).isEqualTo("system"));

        write(Map.of(RuleFiles.BROKEN, RuleFiles.brokenOnLine17().get(RuleFiles.BROKEN)));
        awaitRefusals(output, 1);
        assertThat(api.get("/api/rules/active").json().get("checksum").asString())
                .isEqualTo(active.get("checksum").asString());
        assertThat(api.get("/api/rules/versions").json().size()).isEqualTo(2);

        // a file the rule-language fence refuses (a command run from a consequence) is not activated either
        write(Map.of("runtime-exec.drl", Files.readString(HostileRuleSetTest.CORPUS.resolve("runtime-exec.drl"))));
        awaitRefusals(output, 2);
        assertThat(api.get("/api/rules/active").json().get("checksum").asString())
                .isEqualTo(active.get("checksum").asString());
        assertThat(api.get("/api/rules/versions").json().size()).isEqualTo(2);
        assertThat(api.get("/api/rules/active").status()).as("the server is still up").isEqualTo(200);
    }

    private static JsonNode awaitActiveVersion(ApiClient api, String version) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            JsonNode active = api.get("/api/rules/active").json();
            if (version.equals(active.get("version").asString())) {
                return active;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("version " + version + " was not activated from the watched directory");
    }

    /**
     * Waits until the watcher has looked at the files written last and kept the active set: it logs
     * each set of files it does not activate once, and a change is looked at within two intervals
     * (it waits for the files to stay the same for one). Checking the active set only then, instead
     * of after a fixed pause, also fails a watcher that never looks at a broken change.
     */
    private static void awaitRefusals(CapturedOutput output, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (KEPT.matcher(output.getAll()).results().count() < count) {
            assertThat(System.currentTimeMillis()).as("the watcher did not look at the change within a minute").isLessThan(until);
            Thread.sleep(100);
        }
    }

    /** Each file written whole (temporary file, then an atomic move), as a careful editor saves. */
    private static void write(Map<String, String> files) throws IOException {
        Path dir = Path.of(RULES_DIR);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path tmp = Files.createTempFile(dir.getParent(), "rule", ".tmp");
            Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(f.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
