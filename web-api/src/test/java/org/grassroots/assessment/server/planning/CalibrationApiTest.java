package org.grassroots.assessment.server.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 section 3, inspector calibration through the API on the visits of the rules' calibration
 * scenario (five teams, five visits each to the same five villages, 2 to 9 points a visit around 4, 5,
 * 6, 7 and 18): only 第五督查组 and its inspector are flagged, by the z test of IC-01 with its numbers
 * (the README's example).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + CalibrationApiTest.DATA_DIR, "assessment.demo=false"})
class CalibrationApiTest {

    static final String DATA_DIR = "target/test-data/calibration-api";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Test
    void the_harsh_team_of_the_calibration_scenario_is_flagged_with_the_tests_numbers() {
        Api admin = new Api(port);
        String bundle = RuleSetLoader.readClasspathScenarios(RuleSetLoader.DEFAULT_RESOURCE_DIR).get("calibration.json");
        assertThat(bundle).isNotNull();
        Api.Reply imported = admin.post("/api/import", bundle.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Api.Reply reply = admin.get("/api/inspections/calibration?from=2026-01-01&to=2026-06-30");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode answer = reply.json();
        assertThat(answer.get("visits").asInt()).isEqualTo(25);
        List<String> flagged = new ArrayList<>();
        for (JsonNode t : answer.get("teams")) {
            assertThat(t.get("visits").asInt()).isEqualTo(5);
            assertThat(t.get("sdDeduction").asDouble()).as("√(16 / 4): 2 points either side, twice each").isEqualTo(2.0);
            if (t.get("outlier").asBoolean()) {
                flagged.add(t.get("name").asString());
            }
        }
        assertThat(flagged).containsExactly("第五督查组");
        JsonNode team = answer.get("outliers").get(0);
        assertThat(team.get("unit").asString()).isEqualTo("TEAM");
        assertThat(team.get("meanDeduction").asDouble()).isEqualTo(18.0);
        assertThat(team.get("othersMedian").asDouble()).isEqualTo(5.5);
        assertThat(team.get("pooledSd").asDouble()).as("√(4 × 16 / (20 − 4))").isEqualTo(2.0);
        assertThat(team.get("standardError").asDouble()).as("2 × √(1/5 + 1/20)").isEqualTo(1.0);
        assertThat(team.get("others").asInt()).isEqualTo(4);
        assertThat(team.get("othersVisits").asInt()).isEqualTo(20);
        assertThat(team.get("reason").asString()).isEqualTo("偏严：督查组 第五督查组 平均每次检查扣 18 分（5 次检查），其他 4 个督查组"
                + "（各至少 5 次检查，共 20 次）的中位数 5.5 分；z 检验：相差 12.5 分，超过 3.5 倍标准误（3.5 分；标准误 1 分 = "
                + "每次检查扣分的组内标准差 2 分 × √(1/5 + 1/20)），且不少于 3 分");
        assertThat(answer.get("outliers")).hasSize(2);
        assertThat(answer.get("outliers").get(1).get("unit").asString()).isEqualTo("INSPECTOR");
    }
}
