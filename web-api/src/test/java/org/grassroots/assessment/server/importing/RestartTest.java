package org.grassroots.assessment.server.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Data written before a stop is there after the next start on the same data directory. */
class RestartTest {

    static final String DATA_DIR = "target/test-data/restart";

    @Test
    void what_was_written_survives_a_restart() {
        Api.deleteDirectory(DATA_DIR);
        try (ConfigurableApplicationContext first = Servers.start(DATA_DIR, false)) {
            Api api = Servers.api(first);
            assertThat(api.get("/api/organizations?flat=true").json().size()).as("demo=false starts empty").isZero();
            assertThat(api.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
            assertThat(api.put("/api/organizations/V-HONGQI", "{\"name\": \"红旗村党总支\", \"type\": \"VILLAGE\","
                    + " \"level\": \"GENERAL_BRANCH\", \"parentCode\": \"XQ-T01\", \"hasPartyGroups\": true}").status())
                    .isEqualTo(200);
            assertThat(api.post("/api/visits", """
                    {"visitId": "MC-2026-200", "orgCode": "V-HONGQI", "date": "2026-11-02", "mode": "OPEN",
                     "team": "第一督查组", "inspectors": ["王明"], "findings": [{"item": "C05"}, {"item": "C11"}]}""")
                    .status()).isEqualTo(201);
            assertThat(api.post("/api/visits/MC-2026-200/findings/1/withdraw", "{\"reason\": \"学习日已开展，记录在镇里\"}")
                    .status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = Servers.start(DATA_DIR, false)) {
            Api api = Servers.api(second);
            assertThat(api.get("/api/organizations?flat=true").json().size()).isEqualTo(7);
            JsonNode hongqi = api.get("/api/organizations/V-HONGQI").json();
            assertThat(hongqi.get("name").asString()).isEqualTo("红旗村党总支");
            assertThat(api.get("/api/organizations/C-XINGFU/members?period=2026").json().size()).isEqualTo(15);
            assertThat(api.get("/api/organizations/V-HONGQI/facts/2025").status()).isEqualTo(200);
            JsonNode visit = api.get("/api/visits/MC-2026-200").json();
            assertThat(visit.get("findings").get(0).get("withdrawn").isNull()).isTrue();
            assertThat(visit.get("findings").get(1).get("withdrawn").get("reason").asString())
                    .isEqualTo("学习日已开展，记录在镇里");
            assertThat(api.get("/api/visits?orgCode=V-HONGQI").json().size()).isEqualTo(3);
        }
    }
}
