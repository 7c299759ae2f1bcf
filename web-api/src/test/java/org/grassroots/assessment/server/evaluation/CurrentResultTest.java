package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** One organization re-evaluated at once, from its own rows only; nothing stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + CurrentResultTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CurrentResultTest {

    static final String DATA_DIR = "target/test-data/evaluation-current-result";
    private static final String SHIQIAO = "/api/organizations/V-SHIQIAO/result?period=2026&asOf=2026-12-31";
    private static final String HONGQI = "/api/organizations/V-HONGQI/result?period=2026&asOf=2026-12-31";

    @LocalServerPort
    int port;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    @Order(1)
    void evaluates_one_organization_as_the_district_evaluation_would_but_unranked() {
        api().importWorkedExample();
        ApiClient.Response r = api().get(SHIQIAO);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode current = r.json();
        assertThat(ResultRows.organization(current.get("result")))
                .isEqualTo(ResultRows.organization(expected("V-SHIQIAO")).replace(" rank=6 ", " rank=0 "));
        assertThat(current.get("result").get("explanation").get(0).get("reason").asString()).isNotBlank();
        assertThat(current.get("period").asString()).isEqualTo("2026");
        assertThat(current.get("asOf").asString()).isEqualTo("2026-12-31");
        assertThat(current.get("members")).isNotEmpty();
        // nothing evaluated and stored yet: the ledger holds the findings' items, the rest is pending
        assertThat(sources(current.get("rectifications"))).containsOnly("INSPECTION").hasSize(5);
        assertThat(sources(current.get("pending"))).containsOnly("GRADING", "STANDARD").hasSize(12);
        assertThat(api().get("/api/evaluations").json()).isEmpty();
    }

    @Test
    @Order(2)
    void after_a_stored_evaluation_its_items_are_in_the_ledger() {
        long id = api().evaluate("2026", "2026-12-31");
        JsonNode current = api().get(SHIQIAO).json();
        assertThat(current.get("rectifications")).hasSize(17);
        assertThat(current.get("pending")).isEmpty();
        assertThat(current.get("rectifications").toString())
                .isEqualTo(api().get("/api/evaluations/" + id + "/organizations/V-SHIQIAO").json()
                        .get("rectifications").toString());
    }

    @Test
    @Order(3)
    void a_posted_visit_shows_at_once() {
        JsonNode before = api().get(HONGQI).json().get("result");
        assertThat(before.get("tier").asString()).isEqualTo("ADVANCED");
        ApiClient.Response posted = api().post("/api/visits", """
                {"visitId": "AF-2026-900", "orgCode": "V-HONGQI", "date": "2026-11-20", "mode": "COVERT",
                 "team": "第二督查组", "inspectors": ["王五"],
                 "findings": [{"item": "C04", "note": "会议记录补写"}]}""");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);

        JsonNode after = api().get(HONGQI).json();
        assertThat(after.get("result").get("inspectionScore").asDouble())
                .isLessThan(before.get("inspectionScore").asDouble());
        assertThat(after.get("result").get("tier").asString()).isEqualTo("WEAK");
        assertThat(after.get("result").get("weakTriggers").toString()).contains("W-09");
        assertThat(after.get("rectifications").toString()).contains("AF-2026-900");
        assertThat(after.get("pending").toString()).contains("W-09");
    }

    @Test
    @Order(4)
    void unknown_organizations_and_bad_periods_are_refused() {
        assertThat(api().get("/api/organizations/NOPE/result?period=2026").status()).isEqualTo(404);
        assertThat(api().get("/api/organizations/XQ/result?period=2026").status()).isEqualTo(404);
        assertThat(api().get("/api/organizations/V-HONGQI/result?period=2026-Q9").status()).isEqualTo(400);
        assertThat(api().get("/api/organizations/V-HONGQI/result?period=2026&asOf=2025-01-01").status()).isEqualTo(400);
        assertThat(api().get("/api/organizations/V-HONGQI/result").status()).isEqualTo(400);
    }

    private static JsonNode expected(String code) {
        for (JsonNode o : ApiClient.readJson(Fixtures.workedExampleExpected()).get("organizations")) {
            if (o.get("code").asString().equals(code)) {
                return o;
            }
        }
        throw new AssertionError(code);
    }

    private static List<String> sources(JsonNode items) {
        List<String> sources = new ArrayList<>();
        items.forEach(i -> sources.add(i.get("source").asString()));
        return sources;
    }
}
