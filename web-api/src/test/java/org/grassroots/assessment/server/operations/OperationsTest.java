package org.grassroots.assessment.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.server.evaluation.ApiClient;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Health, liveness and readiness answer; the server's meters count an import, evaluations and visits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + OperationsTest.DATA_DIR, "assessment.demo=false"})
class OperationsTest {

    static final String DATA_DIR = "target/test-data/operations";

    @LocalServerPort
    int port;

    @BeforeAll
    static void freshDatabase() {
        Api.deleteDirectory(DATA_DIR);
    }

    @Test
    void health_liveness_and_readiness_are_up() {
        Api api = new Api(port);
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Api.Reply reply = api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.json().get("status").asString()).as(path).isEqualTo("UP");
        }
    }

    @Test
    void meters_count_the_import_the_evaluations_and_the_visits() {
        ApiClient client = new ApiClient(port);
        Api api = new Api(port);
        client.importWorkedExample();
        client.evaluate("2026", "2026-12-31");
        assertThat(client.post("/api/evaluations", "{\"period\":\"2024\"}").status()).as("no facts").isEqualTo(400);
        assertThat(api.post("/api/visits", """
                {"visitId": "MC-2026-901", "orgCode": "V-HONGQI", "date": "2026-11-02", "mode": "COVERT",
                 "team": "第二督查组", "inspectors": ["李华"], "findings": [{"item": "C01"}]}""").status())
                .isEqualTo(201);

        assertThat(count(api, "assessment.evaluation?tag=period:2026&tag=outcome:success")).isEqualTo(1);
        assertThat(statistic(api, "assessment.evaluation?tag=period:2026&tag=outcome:success", "TOTAL_TIME"))
                .isPositive();
        assertThat(count(api, "assessment.evaluation?tag=period:2024&tag=outcome:failure")).isEqualTo(1);
        assertThat(count(api, "assessment.evaluation.organizations?tag=period:2026")).isEqualTo(6);
        assertThat(count(api, "assessment.import?tag=outcome:success")).isEqualTo(1);
        assertThat(count(api, "assessment.import.records?tag=kind:organizations")).isEqualTo(7);
        assertThat(count(api, "assessment.import.records?tag=kind:members")).isEqualTo(55);
        assertThat(count(api, "assessment.visits.recorded?tag=source:import")).isEqualTo(8);
        assertThat(count(api, "assessment.visits.recorded?tag=source:api")).isEqualTo(1);
        assertThat(api.post("/api/visits", """
                {"visitId": "MC-2026-901", "orgCode": "V-HONGQI", "date": "2026-11-02", "mode": "COVERT",
                 "team": "第二督查组", "inspectors": ["李华"], "findings": [{"item": "C01"}]}""").status())
                .as("the same visit again").isEqualTo(200);
        assertThat(count(api, "assessment.visits.recorded?tag=source:api")).as("not counted twice").isEqualTo(1);
    }

    private static double count(Api api, String meter) {
        return statistic(api, meter, "COUNT");
    }

    private static double statistic(Api api, String meter, String statistic) {
        Api.Reply reply = api.get("/actuator/metrics/" + meter);
        assertThat(reply.status()).as(meter + ": " + reply.body()).isEqualTo(200);
        for (JsonNode m : reply.json().get("measurements")) {
            if (m.get("statistic").asString().equals(statistic)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError(meter + " has no " + statistic + ": " + reply.body());
    }
}
