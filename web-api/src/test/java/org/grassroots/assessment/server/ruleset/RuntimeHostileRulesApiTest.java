package org.grassroots.assessment.server.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.server.DatabaseAgnostic;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The run-time hostile corpus (the engine's {@code hostile-rules/runtime}) through every server
 * entry point that runs rules, with short limits (300 firings per organization: the shipped set
 * needs at most 83 on this data; 5 s: the shipped set needs about 1 s here cold on a loaded machine, the slow join minutes,
 * and each of the five stops of the slow join waits the limit out): a loop answers 422 naming its rule, a slow join
 * 503 with {@code Retry-After} naming the limit, within the limit and a wide margin (no lower
 * bounds); nothing is stored, and the server answers afterwards.
 */
@DatabaseAgnostic
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + RuntimeHostileRulesApiTest.DATA_DIR, "assessment.demo=false",
            "assessment.limits.scenario-time=PT5S", "assessment.limits.what-if-time=PT5S",
            "assessment.limits.evaluation-time=PT5S", "assessment.limits.current-result-time=PT5S",
            "assessment.limits.firings-per-organization=300"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeHostileRulesApiTest {

    static final String DATA_DIR = "target/test-data/runtime-hostile-rules";
    private static final Duration LIMIT = Duration.ofSeconds(5);
    /**
     * What an answer may take beyond the limit: the rule compile of the request (not limited: the
     * fence bounds what it compiles; up to ~20 s on the shared build machine) and a generous margin.
     */
    private static final Duration MARGIN = Duration.ofSeconds(60);
    private static final Path CORPUS = Path.of("../engine/src/test/resources/hostile-rules/runtime");
    private static final Pattern EXPECT = Pattern.compile("(?m)^// expect: stopped (firing-limit|time-limit)\\s*$");
    private static final Pattern RULE = Pattern.compile("(?m)^rule \"([^\"]+)\"");

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    RuleSetApprovalRepository approvals;

    record Hostile(String file, String drl, boolean loop, List<String> rules) {
    }

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    static List<Hostile> corpus() {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Hostile> all = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                String drl = Files.readString(f);
                Matcher m = EXPECT.matcher(drl);
                assertThat(m.find()).as(f + " says what to expect").isTrue();
                List<String> rules = new ArrayList<>();
                Matcher r = RULE.matcher(drl);
                while (r.find()) {
                    rules.add(r.group(1));
                }
                all.add(new Hostile(f.getFileName().toString(), drl, m.group(1).equals("firing-limit"), rules));
            }
            assertThat(all).hasSizeGreaterThanOrEqualTo(3);
            // the loops first: a slow join's abandoned work would slow whatever runs beside it
            all.sort(java.util.Comparator.comparing(Hostile::loop).reversed().thenComparing(Hostile::file));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> withHostile(Hostile h, boolean scenarios) {
        Map<String, String> files = scenarios ? RuleFiles.shippedWithScenarios() : RuleFiles.shipped();
        files.put("99-" + h.file(), h.drl());
        files.put("ruleset.properties", files.get("ruleset.properties").replaceAll("(?m)^version=.*$",
                "version=hostile-" + h.file().replace(".drl", "")));
        return files;
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    /** A POST with its answer's Retry-After and how long it took. */
    record Answer(int status, String body, String retryAfter, Duration took) {
        JsonNode json() {
            return ResultJson.mapper().readTree(body);
        }
    }

    Answer post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestUsers.admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 422 naming one of the file's rules, or 503 with Retry-After naming the limit; always within the limit + margin. */
    static void stopped(Hostile h, Answer a, String work) {
        assertThat(a.took()).as(h.file() + " answered in " + a.took()).isLessThan(LIMIT.plus(MARGIN));
        assertThat(a.body()).as(a.body()).contains("\"status\":" + (h.loop() ? 422 : 503));
        assertThat(a.status()).as(a.body()).isEqualTo(h.loop() ? 422 : 503);
        String detail = a.json().get("detail").asString();
        if (h.loop()) {
            assertThat(h.rules()).anySatisfy(rule -> assertThat(detail).contains("规则 \"" + rule + "\""));
            assertThat(detail).contains("超过每个组织 300 次的上限，已停止");
            assertThat(h.rules()).contains(a.json().get("rule").asString());
        } else {
            assertThat(a.retryAfter()).isNotNull();
            assertThat(detail).contains(work + "超过 " + LIMIT.toSeconds() + " 秒的时间上限，已停止");
        }
    }

    void serverStillAnswers() {
        assertThat(api().get("/api/rules/active").status()).isEqualTo(200);
        awaitAbandonedWork();
    }

    /**
     * Waits until no thread of this JVM (the server runs in it) is inside Drools any more: the work
     * a time-out abandoned ends by itself at its next check (at the latest when its batch is done),
     * and its threads are free again. Fails when it does not end within three minutes.
     */
    static void awaitAbandonedWork() {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (Thread.getAllStackTraces().entrySet().stream().anyMatch(e -> e.getKey() != Thread.currentThread()
                && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("org.drools.core.phreak")))) {
            assertThat(System.nanoTime()).as("abandoned rule work still running after three minutes").isLessThan(end);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    @Order(1)
    void data_the_slow_join_is_slow_on() {
        // the four weak villages of the shipped scenarios: 85 member records in 2026, 82 in 2025
        String bundle = RuleSetLoader.readClasspathScenarios(RuleSetLoader.DEFAULT_RESOURCE_DIR)
                .get("demo-weak-villages.json");
        ApiClient.Response r = api().postBytes("/api/import", bundle.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // the shipped set evaluates it well within the limit
        api().evaluate("2026", "2026-12-31");
    }

    @Test
    @Order(2)
    void rules_test_stops_each() {
        for (Hostile h : corpus()) {
            stopped(h, post("/api/rules/test", RuleFiles.body(withHostile(h, true), null)), "规则测试场景 (scenario run)");
            serverStillAnswers();
        }
    }

    @Test
    @Order(3)
    void validate_with_scenarios_stops_each() {
        for (Hostile h : corpus()) {
            stopped(h, post("/api/rules/validate", RuleFiles.body(withHostile(h, true), null)),
                    "规则测试场景 (scenario run)");
            serverStillAnswers();
        }
    }

    @Test
    @Order(4)
    void draft_what_if_and_activation_stop_each() {
        long evaluations = api().get("/api/evaluations").json().size();
        String active = api().get("/api/rules/active").json().get("checksum").asString();
        for (Hostile h : corpus()) {
            ApiClient.Response d = api().post("/api/rules/drafts", RuleFiles.body(withHostile(h, true), h.file()));
            assertThat(d.status()).as(d.body()).isEqualTo(201);
            long id = d.json().get("id").asLong();
            stopped(h, post("/api/rules/drafts/" + id + "/what-if?period=2026&asOf=2026-12-31", ""),
                    "试算对比 (what-if)");
            stopped(h, post("/api/rules/versions/" + id + "/activate", ""), "规则测试场景 (scenario run)");
            assertThat(api().get("/api/rules/active").json().get("checksum").asString()).isEqualTo(active);
            serverStillAnswers();
        }
        assertThat(api().get("/api/evaluations").json().size()).as("nothing stored").isEqualTo(evaluations);
    }

    @Test
    @Order(5)
    void an_evaluation_with_an_activated_hostile_set_is_stopped_and_stores_nothing() {
        long first = api().get("/api/rules/active").json().get("id").asLong();
        long evaluations = api().get("/api/evaluations").json().size();
        for (Hostile h : corpus()) {
            // without scenarios a set is activated unchecked: the evaluation's own limits must hold
            ApiClient.Response d = api().post("/api/rules/drafts", RuleFiles.body(withHostile(h, false), h.file()));
            assertThat(d.status()).as(d.body()).isEqualTo(201);
            long id = d.json().get("id").asLong();
            // its impact notice cannot be computed (the what-if is stopped like the evaluation): the
            // approval is recorded directly, as if given over a period on which the set did not loop
            approvals.insert(id, SecondPerson.USER, java.time.Instant.now(), "2026", null,
                    api().get("/api/rules/active").json().get("checksum").asString(), "sha256:test", "hostile test", null);
            ApiClient.Response a = api().post("/api/rules/versions/" + id + "/activate", "");
            assertThat(a.status()).as(a.body()).isEqualTo(200);

            stopped(h, post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"2026-12-31\"}"), "考评 (evaluation)");
            assertThat(api().get("/api/evaluations").json().size()).as("nothing stored").isEqualTo(evaluations);
            serverStillAnswers();
            assertThat(api().post("/api/rules/versions/" + first + "/activate", "").status()).isEqualTo(200);
        }
        // and the shipped set still evaluates
        api().evaluate("2026", "2026-12-31");
    }
}
