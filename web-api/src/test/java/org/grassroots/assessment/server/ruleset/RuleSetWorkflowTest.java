package org.grassroots.assessment.server.ruleset;

import org.grassroots.assessment.server.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.grassroots.assessment.evaluation.Rounding;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.grassroots.assessment.server.evaluation.ResultRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The rule maintainers' workflow through the API on the worked example: validate (an error on line
 * 17), a refused activation, a draft changing CB-05's weight, its what-if, activation, roll back,
 * and evaluations running while versions are activated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + RuleSetWorkflowTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSetWorkflowTest {

    static final String DATA_DIR = "target/test-data/rule-set-workflow";
    static final List<String> INSPECTED = List.of("C-XINGFU", "E-HANGKE", "S-XIEHUI", "V-HONGQI", "V-SHIQIAO");

    @LocalServerPort
    int port;
    @Autowired
    RuleSetVersions versions;

    static long firstVersion;
    static String shippedChecksum;
    static long draft;
    static String draftChecksum;
    static long evaluation1;
    static long evaluation2;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    @Order(1)
    void the_shipped_set_is_the_first_version_and_active() throws Exception {
        shippedChecksum = RuleSetLoader.defaultRuleSet().checksum();
        JsonNode list = api().get("/api/rules/versions").json();
        assertThat(list.size()).isEqualTo(1);
        firstVersion = list.get(0).get("id").asLong();
        assertThat(list.get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(list.get(0).get("active").asBoolean()).isTrue();
        assertThat(list.get(0).get("checksum").asString()).isEqualTo(shippedChecksum);
        JsonNode active = api().get("/api/rules/active").json();
        assertThat(active.get("id").asLong()).isEqualTo(firstVersion);
        assertThat(active.get("fallback").asBoolean()).isFalse();
        JsonNode detail = api().get("/api/rules/versions/" + firstVersion).json();
        assertThat(detail.get("files").has(RuleFiles.COMBAT)).isTrue();
        assertThat(api().get("/api/rules/versions/999999").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void a_syntax_error_on_line_17_is_reported_on_line_17_and_refused() {
        ApiClient api = api();
        ApiClient.Response v = api.post("/api/rules/validate", RuleFiles.body(RuleFiles.brokenOnLine17(), null));
        assertThat(v.status()).as(v.body()).isEqualTo(200);
        JsonNode validation = v.json();
        assertThat(validation.get("valid").asBoolean()).isFalse();
        assertThat(validation.get("errors").size()).isPositive();
        JsonNode error = validation.get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo(RuleFiles.BROKEN);
        assertThat(error.get("line").asInt()).as(v.body()).isEqualTo(17);
        assertThat(error.get("column").asInt()).isNotNegative();
        assertThat(error.get("message").asString()).isNotBlank();

        ApiClient.Response d = api.post("/api/rules/drafts", RuleFiles.body(RuleFiles.brokenOnLine17(), "broken"));
        assertThat(d.status()).as(d.body()).isEqualTo(400);
        assertThat(d.body()).contains("line 17").contains(RuleFiles.BROKEN);

        // a stored version that does not compile (e.g. stored by an older server) is refused on activation
        long broken = versions.insert("broken", "sha256:broken", RuleSetVersions.DRAFT, RuleFiles.brokenOnLine17(),
                "broken", "test", java.time.Instant.now());
        ApiClient.Response a = api.post("/api/rules/versions/" + broken + "/activate", "");
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.body()).contains("line 17");
        assertThat(api.get("/api/rules/active").json().get("id").asLong()).isEqualTo(firstVersion);
        assertThat(api.get("/api/rules/active").json().get("checksum").asString()).isEqualTo(shippedChecksum);

        JsonNode valid = api.post("/api/rules/validate", RuleFiles.body(RuleFiles.shipped(), null)).json();
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("checksum").asString()).isEqualTo(shippedChecksum);
        assertThat(valid.get("rules").toString()).contains("CB-05 inspection score");
    }

    @Test
    @Order(3)
    void what_if_lists_the_organizations_whose_composite_changes_and_by_how_much() {
        ApiClient api = api();
        api.importWorkedExample();
        evaluation1 = api.evaluate("2026", "2026-12-31");
        int evaluations = api.get("/api/evaluations").json().size();

        ApiClient.Response d = api.post("/api/rules/drafts", RuleFiles.body(RuleFiles.cb05Weight50(), "CB-05 50%"));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        draft = d.json().get("id").asLong();
        draftChecksum = d.json().get("checksum").asString();
        assertThat(d.json().get("version").asString()).isEqualTo(RuleFiles.CB05_VERSION);
        assertThat(d.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(d.location()).endsWith("/api/rules/versions/" + draft);

        ApiClient.Response w = api.post("/api/rules/drafts/" + draft + "/what-if?period=2026&asOf=2026-12-31", "");
        assertThat(w.status()).as(w.body()).isEqualTo(200);
        JsonNode whatIf = w.json();
        assertThat(whatIf.get("period").asString()).isEqualTo("2026");
        assertThat(whatIf.get("asOf").asString()).isEqualTo("2026-12-31");
        assertThat(whatIf.get("before").get("checksum").asString()).isEqualTo(shippedChecksum);
        assertThat(whatIf.get("after").get("checksum").asString()).isEqualTo(draftChecksum);
        assertThat(whatIf.get("after").get("version").asString()).isEqualTo(RuleFiles.CB05_VERSION);

        Map<String, double[]> expected = expectedComposites();
        assertThat(expected.keySet()).containsExactlyElementsOf(INSPECTED);
        List<String> compositeChanged = new ArrayList<>();
        double maxShift = 0;
        double sumShift = 0;
        for (JsonNode c : whatIf.get("changed")) {
            String code = c.get("code").asString();
            double before = c.get("before").get("composite").asDouble();
            double after = c.get("after").get("composite").asDouble();
            if (before != after) {
                compositeChanged.add(code);
                assertThat(before).as(code).isEqualTo(expected.get(code)[0]);
                assertThat(after).as(code).isEqualTo(expected.get(code)[1]);
                assertThat(c.get("compositeChange").asDouble()).isEqualTo(Rounding.round2(after - before));
                double combatChange = c.get("after").get("combat").asDouble() - c.get("before").get("combat").asDouble();
                assertThat(after - before).as(code).isCloseTo(0.40 * combatChange, org.assertj.core.data.Offset.offset(0.011));
                assertThat(c.get("lines").toString()).contains("CB-05");
                sumShift += after - before;
                maxShift = Math.max(maxShift, after - before);
            }
        }
        assertThat(compositeChanged).containsExactlyElementsOf(INSPECTED);
        assertThat(whatIf.get("scoreShift").get("compositeChanged").asInt()).isEqualTo(5);
        assertThat(whatIf.get("scoreShift").get("max").asDouble()).isEqualTo(Rounding.round2(maxShift));
        assertThat(whatIf.get("scoreShift").get("mean").asDouble())
                .isCloseTo(sumShift / whatIf.get("scoreShift").get("organizations").asInt(),
                        org.assertj.core.data.Offset.offset(0.0001));
        int before = 0;
        int after = 0;
        for (String tier : List.of("WEAK", "AVERAGE", "GOOD", "ADVANCED")) {
            before += whatIf.get("tierCounts").get("before").get(tier).asInt();
            after += whatIf.get("tierCounts").get("after").get(tier).asInt();
        }
        assertThat(before).isEqualTo(after).isEqualTo(6);
        assertThat(api.get("/api/evaluations").json().size()).as("what-if stores nothing").isEqualTo(evaluations);
        assertThat(api.get("/api/rules/active").json().get("checksum").asString()).isEqualTo(shippedChecksum);
    }

    /** code → {before, after} composite by hand from the expected result's lines: CB-05 counts twice. */
    private static Map<String, double[]> expectedComposites() {
        JsonNode expected = ApiClient.readJson(Fixtures.workedExampleExpected());
        Map<String, double[]> composites = new TreeMap<>();
        for (JsonNode o : expected.get("organizations")) {
            if (o.get("inspectionScore") == null || o.get("inspectionScore").isNull()) {
                continue;
            }
            double combatSum = 0;
            double cb05 = 0;
            double penalties = 0;
            for (JsonNode line : o.get("explanation")) {
                String dimension = line.get("dimension").asString();
                double points = line.get("points").asDouble();
                if (dimension.equals("COMBAT")) {
                    combatSum += points;
                    if (line.get("rule").asString().equals("CB-05")) {
                        cb05 += points;
                    }
                } else if (dimension.equals("COMPOSITE")) {
                    penalties += points;
                }
            }
            double combat = Rounding.round2(Math.min(100, Math.max(0, combatSum + cb05)));
            double weighted = Rounding.round2(0.35 * o.get("cohesion").asDouble() + 0.25 * o.get("charisma").asDouble()
                    + 0.40 * combat);
            composites.put(o.get("code").asString(),
                    new double[] {o.get("composite").asDouble(), Rounding.round2(Math.max(0, weighted + penalties))});
        }
        return composites;
    }

    @Test
    @Order(4)
    void the_diff_between_the_versions_shows_the_changed_lines() {
        JsonNode diff = api().get("/api/rules/versions/" + firstVersion + "/diff/" + draft).json();
        JsonNode files = diff.get("files");
        // the first version holds the shipped scenarios; the CB-05 draft carries none
        int scenarios = RuleFiles.shippedScenarios().size();
        assertThat(scenarios).isPositive();
        assertThat(files.size()).isEqualTo(2 + scenarios);
        for (int i = 2; i < files.size(); i++) {
            assertThat(files.get(i).get("file").asString()).startsWith("scenarios/");
            assertThat(files.get(i).get("change").asString()).isEqualTo("REMOVED");
        }
        assertThat(files.get(0).get("file").asString()).isEqualTo(RuleFiles.COMBAT);
        assertThat(files.get(0).get("change").asString()).isEqualTo("CHANGED");
        String unified = files.get(0).get("diff").asString();
        assertThat(unified).contains("--- a/50-combat.drl").contains("+++ b/50-combat.drl").contains("@@ -")
                .contains("\n-    final double WEIGHT_PERCENT = 25;")
                .contains("\n+    final double WEIGHT_PERCENT = 50;");
        assertThat(unified.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).count()).isEqualTo(1);
        assertThat(files.get(1).get("file").asString()).isEqualTo("ruleset.properties");
        assertThat(files.get(1).get("diff").asString()).contains("+version=" + RuleFiles.CB05_VERSION);
        assertThat(diff.get("unchanged").asInt()).isEqualTo(RuleFiles.shipped().size() - 2);
    }

    @Test
    @Order(5)
    void activating_the_draft_changes_the_next_evaluation_and_not_the_previous_one() {
        ApiClient api = api();
        String issued1 = api.get("/api/evaluations/" + evaluation1).body();
        SecondPerson.approve(port, draft);
        ApiClient.Response a = api.post("/api/rules/versions/" + draft + "/activate", "");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(a.json().get("activatedBy").asString()).isEqualTo(TestUsers.ADMIN);
        assertThat(a.json().get("activatedAt").isNull()).isFalse();
        JsonNode list = api.get("/api/rules/versions").json();
        assertThat(list.get(0).get("id").asLong()).isEqualTo(draft);
        assertThat(list.findValuesAsString("status").stream().filter("ACTIVE"::equals).count()).isEqualTo(1);
        assertThat(api.get("/api/rules/versions/" + firstVersion).json().get("version").get("status").asString())
                .isEqualTo("RETIRED");

        evaluation2 = api.evaluate("2026", "2026-12-31");
        JsonNode e2 = api.evaluation(evaluation2);
        assertThat(e2.get("ruleSet").get("version").asString()).isEqualTo(RuleFiles.CB05_VERSION);
        assertThat(e2.get("ruleSet").get("checksum").asString()).isEqualTo(draftChecksum);
        Map<String, double[]> expected = expectedComposites();
        for (JsonNode o : e2.get("organizations")) {
            if (expected.containsKey(o.get("code").asString())) {
                assertThat(o.get("composite").asDouble()).isEqualTo(expected.get(o.get("code").asString())[1]);
            }
        }
        JsonNode e1 = api.evaluation(evaluation1);
        assertThat(e1.get("ruleSet").get("checksum").asString()).isEqualTo(shippedChecksum);
        assertThat(api.get("/api/evaluations/" + evaluation1).body()).isEqualTo(issued1);
    }

    @Test
    @Order(6)
    void rolling_back_restores_the_old_results_exactly() {
        ApiClient api = api();
        ApiClient.Response a = api.post("/api/rules/versions/" + firstVersion + "/activate", "");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(api.get("/api/rules/active").json().get("id").asLong()).isEqualTo(firstVersion);
        long evaluation3 = api.evaluate("2026", "2026-12-31");
        JsonNode e1 = api.evaluation(evaluation1);
        JsonNode e3 = api.evaluation(evaluation3);
        assertThat(e3.get("ruleSet")).isEqualTo(e1.get("ruleSet"));
        assertThat(ResultRows.organizations(e3)).containsExactlyElementsOf(ResultRows.organizations(e1));
        assertThat(ResultRows.members(e3)).containsExactlyElementsOf(ResultRows.members(e1));
        assertThat(ResultRows.rectifications(e3)).containsExactlyElementsOf(ResultRows.rectifications(e1));
    }

    @Test
    @Order(7)
    void evaluations_running_while_versions_are_activated_each_use_one_version() throws Exception {
        Map<String, Map<String, Double>> compositesByChecksum = new HashMap<>();
        compositesByChecksum.put(shippedChecksum, composites(api().evaluation(evaluation1)));
        compositesByChecksum.put(draftChecksum, composites(api().evaluation(evaluation2)));
        int before = api().get("/api/evaluations").json().size();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(pool.submit(() -> api().evaluate("2026", "2026-12-31")));
            }
            for (int i = 0; i < 4; i++) {
                long id = i % 2 == 0 ? draft : firstVersion;
                ApiClient.Response a = api().post("/api/rules/versions/" + id + "/activate", "");
                assertThat(a.status()).as(a.body()).isEqualTo(200);
            }
            for (Future<Long> run : runs) {
                long id = run.get();
                JsonNode e = api().evaluation(id);
                String checksum = e.get("ruleSet").get("checksum").asString();
                assertThat(compositesByChecksum).containsKey(checksum);
                assertThat(composites(e)).as("evaluation " + id + " on " + checksum)
                        .isEqualTo(compositesByChecksum.get(checksum));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(api().get("/api/evaluations").json().size()).isEqualTo(before + 6);
        assertThat(api().get("/api/rules/active").json().get("id").asLong()).isEqualTo(firstVersion);
    }

    private static Map<String, Double> composites(JsonNode evaluation) {
        Map<String, Double> composites = new TreeMap<>();
        for (JsonNode o : evaluation.get("organizations")) {
            composites.put(o.get("code").asString(), o.get("composite").asDouble());
        }
        return composites;
    }
}
