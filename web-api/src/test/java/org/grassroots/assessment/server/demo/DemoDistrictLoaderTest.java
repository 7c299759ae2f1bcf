package org.grassroots.assessment.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.importing.Servers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The demo district is loaded on the first start with demo=true, and never again. */
@ExtendWith(OutputCaptureExtension.class)
class DemoDistrictLoaderTest {

    static final String DATA_DIR = "target/test-data/demo";

    @Test
    void loads_the_demo_district_once(CapturedOutput output) {
        Api.deleteDirectory(DATA_DIR);
        int organizations;
        int visits;
        String renamed;
        try (ConfigurableApplicationContext first = Servers.start(DATA_DIR, true)) {
            Api api = Servers.api(first);
            int port = ((WebServerApplicationContext) first).getWebServer().getPort();
            JsonNode all = api.get("/api/organizations?flat=true").json();
            organizations = all.size();
            assertThat(organizations).isGreaterThanOrEqualTo(60);
            visits = api.get("/api/visits?limit=10000").json().size();
            assertThat(visits).isPositive();
            assertThat(output.getOut()).contains("demo district loaded").contains("http://localhost:" + port + "/");
            assertThat(api.get("/api/rankings?period=2026").json().get("total").asInt())
                    .as("graded on first start: all but the district committee, which has no facts").isEqualTo(organizations - 1);
            assertThat(api.get("/api/evaluations?period=2025").json().get(0).get("published").asBoolean()).isTrue();
            // the system's writes on first start, newest first, in the audit trail
            java.util.List<String> actions = new java.util.ArrayList<>();
            api.get("/api/audit?actor=system").json().get("entries").forEach(e -> actions.add(e.get("action").asString()));
            // (the first administrator, the shipped rules, the district, its seven demo users and the three
            // inspectors' teams, its evaluations)
            assertThat(actions).containsExactly("EVALUATION_RUN", "EVALUATION_PUBLISHED", "EVALUATION_RUN",
                    "INSPECTOR_PROFILE_SET", "INSPECTOR_PROFILE_SET", "INSPECTOR_PROFILE_SET",
                    "USER_CREATED", "USER_CREATED", "USER_CREATED", "USER_CREATED", "USER_CREATED", "USER_CREATED",
                    "USER_CREATED", "IMPORT", "USER_CREATED", "RULESET_ACTIVATED");

            JsonNode some = all.get(all.size() - 1);
            renamed = some.get("code").asString();
            String body = ((tools.jackson.databind.node.ObjectNode) some).put("name", "改过名的组织").toString();
            assertThat(api.put("/api/organizations/" + renamed, body).status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = Servers.start(DATA_DIR, true)) {
            Api api = Servers.api(second);
            assertThat(api.get("/api/organizations?flat=true").json().size()).isEqualTo(organizations);
            assertThat(api.get("/api/visits?limit=10000").json().size()).isEqualTo(visits);
            assertThat(api.get("/api/organizations/" + renamed).json().get("name").asString())
                    .as("not loaded again over what users changed").isEqualTo("改过名的组织");
            assertThat(output.getOut()).contains("not loaded again");
            JsonNode chain = api.get("/api/audit/verify").json();
            assertThat(chain.get("valid").asBoolean()).as("after a restart: " + chain).isTrue();
            assertThat(chain.get("checked").asLong()).isEqualTo(17);
        }
    }
}
