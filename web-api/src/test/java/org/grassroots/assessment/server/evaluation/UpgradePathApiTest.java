package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18 section 1 over HTTP on the worked example as of mid-2026: every organization gets a path
 * to the next tier or a reason; each path starts from the tier of its current result; the changes of
 * each path, written into the organization's facts through the API, give the promised tier in its
 * current result. A target that is no tier is a 400; an unknown organization a 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + UpgradePathApiTest.DATA_DIR, "assessment.demo=false"})
class UpgradePathApiTest {

    static final String DATA_DIR = "target/test-data/evaluation-upgrade-path";
    private static final List<String> TIERS = List.of("WEAK", "AVERAGE", "GOOD", "ADVANCED");
    private static final String AS_OF = "period=2026&asOf=2026-06-30";

    @LocalServerPort
    int port;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    @Test
    void every_path_applied_through_the_api_gives_the_promised_tier() {
        ApiClient api = new ApiClient(port);
        api.importWorkedExample();
        int reachable = 0;
        int checked = 0;
        for (JsonNode org : api.get("/api/organizations?flat=true").json()) {
            String code = org.get("code").asString();
            ApiClient.Response reply = api.get("/api/organizations/" + code + "/upgrade-path?" + AS_OF);
            if (reply.status() == 404) {
                continue; // no facts for 2026
            }
            assertThat(reply.status()).as(code + ": " + reply.body()).isEqualTo(200);
            checked++;
            JsonNode path = reply.json();
            String from = path.get("fromTier").asString();
            assertThat(from).as(code).isEqualTo(tier(api, code));
            assertThat(path.get("period").asString()).isEqualTo("2026");
            assertThat(path.get("reason").asString()).as(code).isNotBlank();
            if (from.equals("ADVANCED")) {
                continue;
            }
            String target = path.get("target").asString();
            assertThat(TIERS.indexOf(target)).as(code).isEqualTo(TIERS.indexOf(from) + 1);
            if (!path.get("reachable").asBoolean()) {
                assertThat(path.get("changes")).isEmpty();
                assertThat(path.get("reason").asString()).startsWith("本期内无法达到");
                continue;
            }
            reachable++;
            ObjectNode facts = (ObjectNode) api.get("/api/organizations/" + code + "/facts/2026").json();
            for (JsonNode c : path.get("changes")) {
                String fact = c.get("fact").asString();
                assertThat(facts.get(fact).toString()).as(code + " " + fact).isEqualTo(c.get("from").toString());
                assertThat(c.get("rules")).as(code + " " + fact).isNotEmpty();
                facts.set(fact, c.get("to"));
            }
            ApiClient.Response put = api.put("/api/organizations/" + code + "/facts/2026", facts.toString());
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(tier(api, code)).as(code + " with the changes").isEqualTo(path.get("resultTier").asString());
            assertThat(TIERS.indexOf(tier(api, code))).as(code).isGreaterThanOrEqualTo(TIERS.indexOf(target));
        }
        assertThat(checked).as("organizations with 2026 facts").isPositive();
        assertThat(reachable).as("organizations with a path").isPositive();

        assertThat(api.get("/api/organizations/V-SHIQIAO/upgrade-path?period=2026&target=BEST").status()).isEqualTo(400);
        assertThat(api.get("/api/organizations/NO-SUCH/upgrade-path?period=2026").status()).isEqualTo(404);
        JsonNode advanced = api.get("/api/organizations/V-SHIQIAO/upgrade-path?" + AS_OF + "&target=ADVANCED").json();
        assertThat(advanced.get("target").asString()).isEqualTo("ADVANCED");
    }

    private static String tier(ApiClient api, String code) {
        return api.get("/api/organizations/" + code + "/result?" + AS_OF).json().get("result").get("tier").asString();
    }
}
