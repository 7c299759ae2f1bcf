package org.grassroots.assessment.server.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Rankings of the worked example's 2026 evaluation: all, per type, per parent, reversed, paged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + RankingsTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RankingsTest {

    static final String DATA_DIR = "target/test-data/ranking";

    @LocalServerPort
    int port;

    static long evaluation;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    @Order(1)
    void ranks_all_organizations_a_page_at_a_time() {
        api().importWorkedExample();
        assertThat(api().get("/api/rankings?period=2026").status()).isEqualTo(404);
        evaluation = api().evaluate("2026", "2026-12-31");

        assertThat(rows(page("?scope=all&page=0&size=2"))).containsExactly("1 V-HONGQI", "2 XQ-T01");
        assertThat(rows(page("?page=1&size=2"))).containsExactly("3 C-XINGFU", "4 E-HANGKE");
        JsonNode last = page("?page=2&size=2");
        assertThat(rows(last)).containsExactly("5 S-XIEHUI", "6 V-SHIQIAO");
        assertThat(last.get("total").asInt()).isEqualTo(6);
        assertThat(last.get("evaluationId").asLong()).isEqualTo(evaluation);
        assertThat(page("?page=3&size=2").get("entries")).isEmpty();

        JsonNode first = page("?size=1").get("entries").get(0);
        assertThat(first.get("name").asString()).isEqualTo("红旗村党支部");
        assertThat(first.get("type").asString()).isEqualTo("VILLAGE");
        assertThat(first.get("parentCode").asString()).isEqualTo("XQ-T01");
        assertThat(first.get("composite").asDouble()).isEqualTo(97.08);
        assertThat(first.get("cohesion").asDouble()).isEqualTo(96.37);
        assertThat(first.get("charisma").asDouble()).isEqualTo(93.8);
        assertThat(first.get("combat").asDouble()).isEqualTo(99.75);
        assertThat(first.get("tier").asString()).isEqualTo("ADVANCED");
        assertThat(first.get("flags")).isEmpty();
        assertThat(page("?size=2").get("entries").get(1).get("flags").toString()).isEqualTo("[\"TIER_CAPPED\"]");
    }

    @Test
    @Order(2)
    void ranks_within_a_type_and_within_a_parent() {
        assertThat(rows(page("?scope=type&type=VILLAGE"))).containsExactly("1 V-HONGQI", "2 V-SHIQIAO");
        JsonNode villages = page("?scope=type&type=VILLAGE");
        assertThat(villages.get("entries").get(1).get("overallRank").asInt()).isEqualTo(6);
        assertThat(villages.get("group").asString()).isEqualTo("VILLAGE");
        assertThat(rows(page("?scope=parent&parent=XQ-T01")))
                .containsExactly("1 V-HONGQI", "2 C-XINGFU", "3 V-SHIQIAO");
        assertThat(rows(page("?scope=parent&parent=XQ"))).containsExactly("1 XQ-T01", "2 E-HANGKE", "3 S-XIEHUI");
        // every group, group after group
        assertThat(rows(page("?scope=type"))).containsExactly("1 C-XINGFU", "1 E-HANGKE", "1 XQ-T01", "1 S-XIEHUI",
                "1 V-HONGQI", "2 V-SHIQIAO");
    }

    @Test
    @Order(3)
    void reverse_ranking_lists_from_the_bottom() {
        assertThat(rows(page("?reverse=true&size=3"))).containsExactly("6 V-SHIQIAO", "5 S-XIEHUI", "4 E-HANGKE");
        assertThat(rows(page("?scope=type&type=VILLAGE&reverse=true"))).containsExactly("2 V-SHIQIAO", "1 V-HONGQI");
    }

    @Test
    @Order(4)
    void a_periods_ranking_is_its_latest_evaluation_until_one_is_published() {
        long later = api().evaluate("2026", "2026-12-31");
        assertThat(api().get("/api/rankings?period=2026").json().get("evaluationId").asLong()).isEqualTo(later);
        assertThat(api().post("/api/evaluations/" + evaluation + "/publish", "").status()).isEqualTo(200);
        JsonNode official = api().get("/api/rankings?period=2026&scope=type&type=VILLAGE").json();
        assertThat(official.get("evaluationId").asLong()).isEqualTo(evaluation);
        assertThat(official.get("published").asBoolean()).isTrue();
        assertThat(rows(official)).containsExactly("1 V-HONGQI", "2 V-SHIQIAO");
    }

    @Test
    @Order(5)
    void rejects_bad_parameters() {
        ApiClient api = api();
        assertThat(api.get("/api/evaluations/" + evaluation + "/rankings?scope=district").status()).isEqualTo(400);
        assertThat(api.get("/api/evaluations/" + evaluation + "/rankings?scope=type&type=FARM").status()).isEqualTo(400);
        assertThat(api.get("/api/evaluations/" + evaluation + "/rankings?size=0").status()).isEqualTo(400);
        assertThat(api.get("/api/evaluations/" + evaluation + "/rankings?page=-1").status()).isEqualTo(400);
        assertThat(api.get("/api/evaluations/999999/rankings").status()).isEqualTo(404);
        assertThat(api.get("/api/rankings?period=20x6").status()).isEqualTo(400);
        assertThat(api.get("/api/rankings").status()).isEqualTo(400);
    }

    private JsonNode page(String query) {
        ApiClient.Response r = api().get("/api/evaluations/" + evaluation + "/rankings" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> rows(JsonNode page) {
        List<String> rows = new ArrayList<>();
        page.get("entries").forEach(e -> rows.add(e.get("rank").asInt() + " " + e.get("code").asString()));
        return rows;
    }
}
