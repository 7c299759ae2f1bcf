package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.fixtures.Fixtures;
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
 * The acceptance test: the worked example imported through the API, 2025 then 2026 evaluated and
 * stored, and the stored result read back exactly as policy section 7 expects; then the stored
 * evaluation stays what it issued after the facts change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + WorkedExampleEvaluationTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkedExampleEvaluationTest {

    static final String DATA_DIR = "target/test-data/evaluation-worked-example";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EvaluationRepository stored;

    static long evaluation2025;
    static long evaluation2026;
    static String issued2026;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    @Order(1)
    void evaluates_2025_then_2026_exactly_as_the_worked_example_expects() {
        ApiClient api = api();
        api.importWorkedExample();
        evaluation2025 = api.evaluate("2025", null);
        evaluation2026 = api.evaluate("2026", "2026-12-31");

        JsonNode got = api.evaluation(evaluation2026);
        JsonNode expected = ApiClient.readJson(Fixtures.workedExampleExpected());
        assertThat(got.get("id").asLong()).isEqualTo(evaluation2026);
        assertThat(got.get("period").asString()).isEqualTo("2026");
        assertThat(got.get("asOf").asString()).isEqualTo("2026-12-31");
        assertThat(got.get("published").asBoolean()).isFalse();
        assertThat(got.get("ruleSet").get("checksum").asString()).startsWith("sha256:");
        assertThat(ResultRows.organizations(got)).containsExactlyElementsOf(ResultRows.organizations(expected));
        assertThat(ResultRows.members(got)).containsExactlyElementsOf(ResultRows.members(expected));
        assertThat(ResultRows.rectifications(got)).containsExactlyElementsOf(ResultRows.rectifications(expected));
        for (JsonNode item : got.get("rectifications")) {
            assertThat(item.get("id").asLong()).isPositive();
            assertThat(item.get("description").asString()).isNotBlank();
        }
        issued2026 = api.get("/api/evaluations/" + evaluation2026).body();
    }

    @Test
    @Order(2)
    void the_2025_evaluation_defaults_to_the_period_end() {
        JsonNode e = api().evaluation(evaluation2025);
        assertThat(e.get("asOf").asString()).isEqualTo("2025-12-31");
        assertThat(e.get("organizations")).hasSize(3);
    }

    @Test
    @Order(3)
    void lists_the_evaluations_most_recent_first() {
        JsonNode list = api().get("/api/evaluations").json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(evaluation2026);
        assertThat(list.get(0).get("period").asString()).isEqualTo("2026");
        assertThat(list.get(0).get("organizations").asInt()).isEqualTo(6);
        assertThat(list.get(0).get("published").asBoolean()).isFalse();
        assertThat(list.get(0).get("ruleSet").get("version").asString()).isNotBlank();
        assertThat(list.get(0).get("inputsDigest").asString()).startsWith("sha256:");
        assertThat(list.get(0).get("createdBy").asString()).isNotBlank();
        assertThat(list.get(0).get("previousGrades").asString()).contains("latest #" + evaluation2025);
        assertThat(api().get("/api/evaluations?period=2025").json()).hasSize(1);
    }

    @Test
    @Order(4)
    void one_organization_with_its_explanation() {
        ApiClient.Response r = api().get("/api/evaluations/" + evaluation2026 + "/organizations/V-SHIQIAO");
        assertThat(r.status()).isEqualTo(200);
        JsonNode o = r.json();
        JsonNode expected = ApiClient.readJson(Fixtures.workedExampleExpected());
        JsonNode expectedOrg = null;
        for (JsonNode e : expected.get("organizations")) {
            if (e.get("code").asString().equals("V-SHIQIAO")) {
                expectedOrg = e;
            }
        }
        assertThat(ResultRows.organization(o)).isEqualTo(ResultRows.organization(expectedOrg));
        assertThat(o.get("explanation").get(0).get("reason").asString()).isNotBlank();
        assertThat(o.get("rankInType").asInt()).isEqualTo(2);
        assertThat(o.get("rectifications")).hasSize(17);
        assertThat(o.get("members")).isNotEmpty();

        assertThat(api().get("/api/evaluations/" + evaluation2026 + "/organizations/NOPE").status()).isEqualTo(404);
        assertThat(api().get("/api/evaluations/999999/organizations/V-SHIQIAO").status()).isEqualTo(404);
        assertThat(api().get("/api/evaluations/999999").status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void rejects_invalid_requests_with_problem_details() {
        ApiClient api = api();
        ApiClient.Response quarter = api.post("/api/evaluations", "{\"period\":\"2026-Q5\"}");
        assertThat(quarter.status()).isEqualTo(400);
        assertThat(quarter.json().get("errors").get(0).get("path").asString()).isEqualTo("/period");

        ApiClient.Response early = api.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"2025-12-31\"}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("errors").get(0).get("path").asString()).isEqualTo("/asOf");

        ApiClient.Response noFacts = api.post("/api/evaluations", "{\"period\":\"2024\"}");
        assertThat(noFacts.status()).isEqualTo(400);
        assertThat(noFacts.body()).contains("no organization has facts");

        assertThat(api.post("/api/evaluations", "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"31.12.2026\"}").status()).isEqualTo(400);
        assertThat(api.get("/api/evaluations").json()).hasSize(2);
    }

    @Test
    @Order(6)
    void the_service_loads_a_stored_evaluation_as_the_engines_result() {
        EvaluationResult result = stored.load(evaluation2026);
        JsonNode json = ResultJson.mapper().readTree(ResultJson.toJson(result));
        JsonNode expected = ApiClient.readJson(Fixtures.workedExampleExpected());
        assertThat(ResultRows.organizations(json)).containsExactlyElementsOf(ResultRows.organizations(expected));
        assertThat(ResultRows.members(json)).containsExactlyElementsOf(ResultRows.members(expected));
        assertThat(ResultRows.rectifications(json)).containsExactlyElementsOf(ResultRows.rectifications(expected));
        assertThat(result.ruleSet().checksum()).startsWith("sha256:");
    }

    @Test
    @Order(7)
    void an_old_evaluation_still_returns_exactly_what_it_issued_after_the_facts_changed() {
        jdbc.update("update period_facts set secretary_vacant_months = 0, committee_seats_filled = committee_seats_required,"
                + " first_secretary_assigned = true where org_code = 'V-SHIQIAO' and period = '2026'");
        jdbc.update("update period_facts set mass_satisfaction = 0.5 where org_code = 'V-HONGQI' and period = '2026'");
        long rerun = api().evaluate("2026", "2026-12-31");
        JsonNode now = api().evaluation(rerun);
        assertThat(ResultRows.organizations(now)).isNotEqualTo(
                ResultRows.organizations(ApiClient.readJson(Fixtures.workedExampleExpected())));
        assertThat(now.get("inputsDigest").asString()).isNotEqualTo(api().evaluation(evaluation2026).get("inputsDigest").asString());

        String again = api().get("/api/evaluations/" + evaluation2026).body();
        assertThat(again).isEqualTo(issued2026);
        List<String> rows = ResultRows.organizations(api().evaluation(evaluation2026));
        assertThat(rows).containsExactlyElementsOf(
                ResultRows.organizations(ApiClient.readJson(Fixtures.workedExampleExpected())));
    }
}
