package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Policy section 4: movement compares with the latest evaluation of the previous period until one
 * is published, then with the published one, even when a later evaluation of that period differs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + PublishedMovementTest.DATA_DIR, "assessment.demo=false"})
class PublishedMovementTest {

    static final String DATA_DIR = "target/test-data/evaluation-published-movement";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    @Test
    void the_next_periods_movement_compares_with_the_published_evaluation() {
        ApiClient api = new ApiClient(port);
        api.importWorkedExample();
        long official = api.evaluate("2025", null);
        assertThat(tier(api.evaluation(official), "E-HANGKE")).isEqualTo("WEAK");

        // E-HANGKE's 2025 organizational life was irregular (W-02); the facts are corrected afterwards
        jdbc.update("update period_facts set branch_general_meetings = 4, committee_meetings = 12, party_lectures = 4,"
                + " theme_party_days = 12, party_group_meetings = 12, organizational_life_meeting_held = true,"
                + " democratic_review_held = true where org_code = 'E-HANGKE' and period = '2025'");
        long corrected = api.evaluate("2025", null);
        assertThat(tier(api.evaluation(corrected), "E-HANGKE")).isNotEqualTo("WEAK");

        // nothing published: the latest evaluation of 2025 counts
        JsonNode beforePublishing = api.evaluation(api.evaluate("2026", "2026-12-31"));
        assertThat(beforePublishing.get("previousGrades").asString()).isEqualTo("2025: latest #" + corrected);
        assertThat(org(beforePublishing, "E-HANGKE").get("movement").asString()).isNotEqualTo("CONVERTED");

        ApiClient.Response published = api.post("/api/evaluations/" + official + "/publish", "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("published").asBoolean()).isTrue();
        assertThat(published.json().get("publishedAt").asString()).isNotBlank();
        assertThat(published.json().get("publishedBy").asString()).isNotBlank();
        assertThat(api.post("/api/evaluations/" + official + "/publish", "").status()).isEqualTo(200);
        ApiClient.Response second = api.post("/api/evaluations/" + corrected + "/publish", "");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("#" + official);
        assertThat(api.post("/api/evaluations/999999/publish", "").status()).isEqualTo(404);

        // published: 2026 compares with it, not with the later corrected evaluation
        JsonNode after = api.evaluation(api.evaluate("2026", "2026-12-31"));
        assertThat(after.get("previousGrades").asString()).isEqualTo("2025: published #" + official);
        assertThat(org(after, "E-HANGKE").get("movement").asString()).isEqualTo("CONVERTED");
        JsonNode expected = ApiClient.readJson(Fixtures.workedExampleExpected());
        assertThat(ResultRows.organizations(after)).containsExactlyElementsOf(ResultRows.organizations(expected));

        // so does the one-organization result, and the period's rankings are the published evaluation's
        JsonNode current = api.get("/api/organizations/E-HANGKE/result?period=2026&asOf=2026-12-31").json();
        assertThat(current.get("result").get("movement").asString()).isEqualTo("CONVERTED");
        JsonNode rankings = api.get("/api/rankings?period=2025").json();
        assertThat(rankings.get("evaluationId").asLong()).isEqualTo(official);
        assertThat(rankings.get("published").asBoolean()).isTrue();
        JsonNode list = api.get("/api/evaluations?period=2025").json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("published").asBoolean()).isFalse();
        assertThat(list.get(1).get("published").asBoolean()).isTrue();
    }

    private static JsonNode org(JsonNode result, String code) {
        for (JsonNode o : result.get("organizations")) {
            if (o.get("code").asString().equals(code)) {
                return o;
            }
        }
        throw new AssertionError("no result for " + code);
    }

    private static String tier(JsonNode result, String code) {
        return org(result, code).get("tier").asString();
    }
}
