package org.grassroots.assessment.server.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.importing.Servers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The static hostile rule corpus (engine/src/test/resources/hostile-rules/static) through every
 * way a rule set enters the server: validate, scenario test, draft; a version stored before the
 * fence existed through what-if and activate; and as the stored ACTIVE version at start. Each is
 * refused with its file, line and refused name; the server stays up, stores nothing, and no
 * answer carries a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileRuleSetTest {

    static final String DATA_DIR = "target/test-data/hostile-rule-sets";
    static final Path CORPUS = Path.of("../engine/src/test/resources/hostile-rules/static");
    private static final Pattern EXPECT = Pattern.compile("// expect: refused (\\d+):(\\d+) (.+)");

    /** One corpus file and where the fence must refuse it. */
    record Hostile(String file, String content, int line, int column, String name) {

        boolean matches(JsonNode error) {
            return file.equals(error.get("file").asString()) && error.get("line").asInt() == line
                    && error.get("column").asInt() == column && error.get("message").asString().contains("refused: " + name + " ");
        }
    }

    static List<Hostile> corpus() throws IOException {
        List<Hostile> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                String content = Files.readString(p);
                Matcher m = EXPECT.matcher(content.lines().skip(1).findFirst().orElse(""));
                assertThat(m.matches()).as(p.toString()).isTrue();
                all.add(new Hostile(p.getFileName().toString(), content, Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)), m.group(3)));
            }
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        return all;
    }

    private static Map<String, String> shippedWith(Hostile h) {
        Map<String, String> files = new TreeMap<>(RuleFiles.shipped());
        files.put(h.file(), h.content());
        return files;
    }

    /** No answer may carry a secret: the administrator's password, or the value of an environment variable. */
    private static void noSecretIn(String body) {
        assertThat(body).doesNotContain(TestUsers.ADMIN_PASSWORD);
        String path = System.getenv("PATH");
        if (path != null && path.length() > 8) {
            assertThat(body).doesNotContain(path);
        }
        assertThat(body).doesNotContain(System.getProperty("user.home") + "/");
    }

    /** A text as it stands inside a JSON string (a backslash doubled). */
    private static String json(String text) {
        String quoted = ResultJson.mapper().writeValueAsString(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static boolean refusedIn(JsonNode errors, Hostile h) {
        for (JsonNode e : errors) {
            if (h.matches(e)) {
                return true;
            }
        }
        return false;
    }

    private static long versionCount(ConfigurableApplicationContext server) {
        return server.getBean(JdbcTemplate.class).queryForObject("select count(*) from rule_set_version", Long.class);
    }

    private static long insertPreFenceVersion(ConfigurableApplicationContext server, Hostile h, String status) {
        JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
        jdbc.update("insert into rule_set_version (version, checksum, status, files_json, comment, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", "2025.9.9-" + h.file(), "sha256:pre-fence-" + h.file(), status,
                ResultJson.mapper().writeValueAsString(shippedWith(h)), "stored before the rule-language fence",
                "maintainer", Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select max(id) from rule_set_version", Long.class);
    }

    @Test
    void every_entry_point_refuses_every_hostile_file_and_a_refused_active_version_falls_back_at_start(CapturedOutput output)
            throws Exception {
        Api.deleteDirectory(DATA_DIR);
        List<Hostile> corpus = corpus();
        long preFenceActive;
        try (ConfigurableApplicationContext server = Servers.start(DATA_DIR, false)) {
            Api api = Servers.api(server);
            assertThat(api.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
            String active = api.get("/api/rules/active").json().get("checksum").asString();
            long versions = versionCount(server);

            for (Hostile h : corpus) {
                String body = RuleFiles.body(shippedWith(h), "hostile " + h.file());

                Api.Reply v = api.post("/api/rules/validate", body);
                assertThat(v.status()).as(h.file() + " validate " + v.body()).isEqualTo(200);
                assertThat(v.json().get("valid").asBoolean()).isFalse();
                assertThat(refusedIn(v.json().get("errors"), h)).as(h.file() + " validate " + v.body()).isTrue();
                noSecretIn(v.body());

                Api.Reply t = api.post("/api/rules/test", body);
                assertThat(t.status()).as(h.file() + " test " + t.body()).isIn(200, 400);
                JsonNode testErrors = t.status() == 200 ? t.json().get("errors") : t.json().get("errors");
                assertThat(t.body()).as(h.file() + " test").contains(h.file()).contains(json("refused: " + h.name() + " "));
                if (testErrors != null && testErrors.isArray() && testErrors.size() > 0 && testErrors.get(0).has("line")) {
                    assertThat(refusedIn(testErrors, h)).as(h.file() + " test " + t.body()).isTrue();
                }
                noSecretIn(t.body());

                Api.Reply d = api.post("/api/rules/drafts", body);
                assertThat(d.status()).as(h.file() + " draft " + d.body()).isEqualTo(400);
                assertThat(d.body()).as(h.file() + " draft").contains(h.file()).contains(json("refused: " + h.name() + " "));
                noSecretIn(d.body());
            }
            assertThat(versionCount(server)).as("no hostile draft is stored").isEqualTo(versions);

            // versions stored before the fence existed: what-if and activate refuse them
            for (Hostile h : corpus.subList(0, Math.min(5, corpus.size()))) {
                long id = insertPreFenceVersion(server, h, "DRAFT");
                Api.Reply w = api.post("/api/rules/drafts/" + id + "/what-if?period=2026&asOf=2026-12-31", "");
                assertThat(w.status()).as(h.file() + " what-if " + w.body()).isEqualTo(400);
                assertThat(w.body()).contains(h.file()).contains(json("refused: " + h.name() + " "));
                noSecretIn(w.body());
                Api.Reply a = api.post("/api/rules/versions/" + id + "/activate", "");
                assertThat(a.status()).as(h.file() + " activate " + a.body()).isEqualTo(400);
                assertThat(a.body()).contains(h.file()).contains(json("refused: " + h.name() + " "));
                noSecretIn(a.body());
                assertThat(api.get("/api/rules/active").json().get("checksum").asString()).isEqualTo(active);
            }
            assertThat(api.get("/api/evaluations").json().size()).as("what-if stores nothing").isZero();
            assertThat(api.get("/actuator/health").status()).as("the server is still up").isIn(200, 401, 404);
            assertThat(api.get("/api/rules/active").status()).isEqualTo(200);

            // a hostile version stored as ACTIVE before the fence: the next start must not use it
            Hostile exec = corpus.stream().filter(h -> h.file().equals("runtime-exec.drl")).findFirst().orElse(corpus.get(0));
            JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
            jdbc.update("update rule_set_version set status = 'RETIRED' where status = 'ACTIVE'");
            preFenceActive = insertPreFenceVersion(server, exec, "ACTIVE");
        }

        try (ConfigurableApplicationContext restarted = Servers.start(DATA_DIR, false)) {
            Api api = Servers.api(restarted);
            JsonNode active = api.get("/api/rules/active").json();
            assertThat(active.get("fallback").asBoolean()).isTrue();
            assertThat(active.get("checksum").asString()).isNotEqualTo("sha256:pre-fence-runtime-exec.drl");
            assertThat(output.getAll()).contains("the active rule set version #" + preFenceActive)
                    .contains("refused: Runtime ");
            JsonNode audit = api.get("/api/audit?target=ruleset:" + preFenceActive).json().get("entries");
            assertThat(audit.size()).isEqualTo(1);
            assertThat(audit.get(0).get("action").asString()).isEqualTo("RULESET_FALLBACK");
            assertThat(audit.get(0).get("summary").asString()).contains("runtime-exec.drl").contains("Runtime");
            // evaluations run with the shipped set
            Api.Reply e = api.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"2026-12-31\"}");
            assertThat(e.status()).as(e.body()).isEqualTo(201);
        }
        assertThat(Path.of("/tmp/hostile")).doesNotExist();
    }
}
