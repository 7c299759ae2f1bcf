package org.grassroots.assessment.server.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Scenarios travel with a rule set version: stored with the shipped set, run by validate (rules
 * that never fire), by {@code POST /api/rules/test} and on activation (a set failing its scenarios
 * is refused); and the rule coverage of a stored evaluation on the worked example.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + RuleScenarioTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleScenarioTest {

    static final String DATA_DIR = "target/test-data/rule-scenarios";
    static final String NEVER = "98-never.drl";
    static final String NEVER_RULE = "X-99 never fires";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    static long firstVersion;
    static String shippedChecksum;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    @Order(1)
    void the_shipped_version_holds_the_shipped_scenarios_and_its_checksum_does_not_count_them() throws Exception {
        shippedChecksum = RuleSetLoader.defaultRuleSet().checksum();
        JsonNode active = api().get("/api/rules/active").json();
        firstVersion = active.get("id").asLong();
        assertThat(active.get("checksum").asString()).isEqualTo(shippedChecksum);
        JsonNode files = api().get("/api/rules/versions/" + firstVersion).json().get("files");
        for (Map.Entry<String, String> f : RuleFiles.shippedWithScenarios().entrySet()) {
            assertThat(files.get(f.getKey()).asString()).as(f.getKey()).isEqualTo(f.getValue());
        }
        assertThat(files.has("scenarios/worked-example.scenario")).isTrue();
        assertThat(files.has("scenarios/worked-example.json")).isTrue();
    }

    @Test
    @Order(2)
    void validate_runs_the_scenarios_and_warns_about_rules_that_never_fire() {
        Map<String, String> files = RuleFiles.shippedWithScenarios();
        ApiClient.Response v = api().post("/api/rules/validate", RuleFiles.body(files, null));
        assertThat(v.status()).as(v.body()).isEqualTo(200);
        assertThat(v.json().get("valid").asBoolean()).isTrue();
        assertThat(v.json().get("checksum").asString()).as("scenarios are not in the checksum").isEqualTo(shippedChecksum);
        assertThat(v.json().get("scenarioProblems").size()).as(v.body()).isZero();

        files.put(NEVER, "package org.grassroots.assessment.rules;\n\nrule \"" + NEVER_RULE + "\"\nwhen\n"
                + "    eval(false)\nthen\nend\n");
        JsonNode validation = api().post("/api/rules/validate", RuleFiles.body(files, null)).json();
        assertThat(validation.get("valid").asBoolean()).isTrue();
        JsonNode never = null;
        for (JsonNode w : validation.get("warnings")) {
            if (w.get("kind").asString().equals("NEVER_FIRED") && w.get("rule").asString().equals(NEVER_RULE)) {
                never = w;
            }
        }
        assertThat(never).as(validation.toString()).isNotNull();
        assertThat(never.get("file").asString()).isEqualTo(NEVER);
        assertThat(never.get("line").asInt()).isEqualTo(3);

        // without scenarios there is no coverage to warn about
        JsonNode rulesOnly = api().post("/api/rules/validate", RuleFiles.body(RuleFiles.shipped(), null)).json();
        assertThat(rulesOnly.get("warnings").toString()).doesNotContain("NEVER_FIRED");
    }

    @Test
    @Order(3)
    void the_test_endpoint_reports_every_scenario_and_the_coverage() {
        ApiClient.Response t = api().post("/api/rules/test", RuleFiles.body(RuleFiles.shippedWithScenarios(), null));
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        JsonNode report = t.json();
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("allPassed").asBoolean()).as(t.body()).isTrue();
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(report.get("passed").asInt()).isEqualTo(5);
        List<String> scenarioFiles = new ArrayList<>();
        report.get("scenarios").forEach(s -> scenarioFiles.add(s.get("file").asString()));
        assertThat(scenarioFiles).contains("scenarios/worked-example.scenario", "scenarios/demo-weak-villages.scenario",
                "scenarios/planning.scenario");
        assertThat(report.get("coverage").get("fired").size()).isPositive();
        assertThat(report.get("coverage").get("fired").propertyNames().stream()
                .anyMatch(r -> r.startsWith("CB-05"))).isTrue();

        JsonNode stored = api().post("/api/rules/test?versionId=" + firstVersion, "").json();
        assertThat(stored.get("allPassed").asBoolean()).as(stored.toString()).isTrue();
        assertThat(stored.get("passed").asInt()).isEqualTo(5);
        assertThat(stored.get("checksum").asString()).isEqualTo(shippedChecksum);
        assertThat(stored.get("coverage")).isEqualTo(report.get("coverage"));

        Map<String, String> broken = RuleFiles.brokenOnLine17();
        broken.putAll(RuleFiles.shippedScenarios());
        ApiClient.Response b = api().post("/api/rules/test", RuleFiles.body(broken, null));
        assertThat(b.status()).as(b.body()).isEqualTo(200);
        assertThat(b.json().get("valid").asBoolean()).isFalse();
        assertThat(b.json().get("errors").get(0).get("line").asInt()).isEqualTo(17);
        assertThat(b.json().get("scenarios").size()).isZero();

        assertThat(api().post("/api/rules/test?versionId=999999", "").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void a_draft_failing_its_scenarios_is_refused_on_activation_and_the_active_set_stays() {
        Map<String, String> files = RuleFiles.cb05Weight50();
        files.putAll(RuleFiles.shippedScenarios());
        ApiClient.Response d = api().post("/api/rules/drafts", RuleFiles.body(files, "CB-05 50% with the old scenarios"));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        long draft = d.json().get("id").asLong();

        JsonNode test = api().post("/api/rules/test?versionId=" + draft, "").json();
        assertThat(test.get("allPassed").asBoolean()).isFalse();
        assertThat(test.get("failed").asInt()).isPositive();
        JsonNode worked = null;
        for (JsonNode s : test.get("scenarios")) {
            if (s.get("file").asString().equals("scenarios/worked-example.scenario")) {
                worked = s;
            }
        }
        assertThat(worked).isNotNull();
        assertThat(worked.get("passed").asBoolean()).isFalse();
        assertThat(worked.get("failures").toString()).contains("V-HONGQI.explanation[CB-05]");
        boolean line13 = false;
        for (JsonNode f : worked.get("failures")) {
            line13 |= f.get("line").asInt() == 13 && f.get("expectation").asString().contains("CB-05");
        }
        assertThat(line13).as(worked.toString()).isTrue();

        ApiClient.Response a = api().post("/api/rules/versions/" + draft + "/activate", "");
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.body()).contains("scenarios/worked-example.scenario:13").contains("V-HONGQI.explanation[CB-05]");
        JsonNode active = api().get("/api/rules/active").json();
        assertThat(active.get("id").asLong()).isEqualTo(firstVersion);
        assertThat(active.get("checksum").asString()).isEqualTo(shippedChecksum);
        assertThat(api().get("/api/rules/versions/" + draft).json().get("version").get("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    @Order(5)
    void a_stored_evaluation_records_how_many_organizations_each_rule_fired_for() {
        ApiClient api = api();
        api.importWorkedExample();
        long id = api.evaluate("2026", "2026-12-31");
        ApiClient.Response c = api.get("/api/evaluations/" + id + "/coverage");
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        JsonNode coverage = c.json();
        assertThat(coverage.get("evaluationId").asLong()).isEqualTo(id);
        assertThat(coverage.get("ruleSet").get("checksum").asString()).isEqualTo(shippedChecksum);
        assertThat(coverage.get("organizations").asInt()).isEqualTo(6);
        int cb07 = -1;
        for (JsonNode r : coverage.get("rules")) {
            if (r.get("rule").asString().startsWith("CB-07 ")) {
                cb07 = r.get("organizations").asInt();
            }
            assertThat(r.get("rule").asString()).doesNotStartWith("W-04 ");
        }
        assertThat(cb07).as(c.body()).isEqualTo(1);
        assertThat(coverage.get("neverFired").toString()).contains("W-04 ");

        assertThat(api.get("/api/evaluations/999999/coverage").status()).isEqualTo(404);
        // an evaluation stored before coverage was recorded
        jdbc.update("update evaluation set coverage_json = null where id = ?", id);
        ApiClient.Response old = api.get("/api/evaluations/" + id + "/coverage");
        assertThat(old.status()).isEqualTo(404);
        assertThat(old.body()).contains("coverage");
    }
}
