package org.grassroots.assessment.server.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + OrganizationApiTest.DATA_DIR, "assessment.demo=false"})
class OrganizationApiTest {

    static final String DATA_DIR = "target/test-data/organization-api";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void workedExample() {
        api = new Api(port);
        assertThat(api.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
    }

    @Test
    void the_tree_nests_children_ordered_by_code() {
        JsonNode tree = api.get("/api/organizations").json();

        assertThat(codes(tree)).startsWith("XQ");
        JsonNode xq = tree.get(0);
        assertThat(xq.get("parentCode").isNull()).isTrue();
        assertThat(codes(xq.get("children"))).containsExactly("E-HANGKE", "S-XIEHUI", "XQ-T01");
        JsonNode town = xq.get("children").get(2);
        // other tests of this class may add villages under XQ-T01
        assertThat(codes(town.get("children"))).containsSubsequence("C-XINGFU", "V-HONGQI", "V-SHIQIAO").isSorted();
        assertThat(town.get("children").get(0).get("children").size()).isZero();
    }

    @Test
    void flat_list_and_search() {
        List<String> flat = codes(api.get("/api/organizations?flat=true").json());
        assertThat(flat).containsSubsequence("C-XINGFU", "E-HANGKE", "S-XIEHUI", "V-HONGQI", "V-SHIQIAO", "XQ", "XQ-T01");
        assertThat(flat).isSorted();

        assertThat(codes(api.get("/api/organizations?q=" + URLEncoder.encode("红旗", StandardCharsets.UTF_8)).json()))
                .containsExactly("V-HONGQI");
        assertThat(codes(api.get("/api/organizations?q=xq-t").json())).containsExactly("XQ-T01");
        assertThat(codes(api.get("/api/organizations?q=%25").json())).isEmpty();
    }

    @Test
    void unknown_organization_is_404_problem() {
        Api.Reply reply = api.get("/api/organizations/NO-SUCH-ORG");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(404);
        assertThat(api.get("/api/organizations/NO-SUCH-ORG/facts/2026").status()).isEqualTo(404);
        assertThat(api.get("/api/organizations/NO-SUCH-ORG/members").status()).isEqualTo(404);
        assertThat(api.get("/api/organizations/V-HONGQI/facts/2024").status()).isEqualTo(404);
        assertThat(api.get("/api/organizations/V-HONGQI/facts/20X6").status()).isEqualTo(400);
    }

    @Test
    void put_creates_then_replaces_one_organization() {
        String body = "{\"name\": \"新建村党支部\", \"type\": \"VILLAGE\", \"level\": \"BRANCH\", \"parentCode\": \"XQ-T01\"}";
        Api.Reply created = api.put("/api/organizations/V-XINJIAN", body);

        assertThat(created.status()).as(created.body()).isIn(200, 201);
        if (created.status() == 201) {
            assertThat(created.location()).endsWith("/api/organizations/V-XINJIAN");
        }
        assertThat(api.get("/api/organizations/V-XINJIAN").json().get("name").asString()).isEqualTo("新建村党支部");

        Api.Reply replaced = api.put("/api/organizations/V-XINJIAN",
                "{\"code\": \"V-XINJIAN\", \"name\": \"新建村党总支\", \"type\": \"VILLAGE\", \"level\": \"GENERAL_BRANCH\","
                        + " \"parentCode\": \"XQ-T01\", \"hasPartyGroups\": true}");
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode stored = api.get("/api/organizations/V-XINJIAN").json();
        assertThat(stored.get("level").asString()).isEqualTo("GENERAL_BRANCH");
        assertThat(stored.get("hasPartyGroups").asBoolean()).isTrue();
    }

    @Test
    void put_and_get_an_organizations_location() {
        Api.Reply created = api.put("/api/organizations/V-ZUOBIAO", "{\"name\": \"坐标村党支部\", \"type\": \"VILLAGE\","
                + " \"level\": \"BRANCH\", \"parentCode\": \"XQ-T01\", \"latitude\": 34.3621, \"longitude\": 108.7833}");
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        JsonNode stored = api.get("/api/organizations/V-ZUOBIAO").json();
        assertThat(stored.get("latitude").asDouble()).isEqualTo(34.3621);
        assertThat(stored.get("longitude").asDouble()).isEqualTo(108.7833);

        Api.Reply outOfRange = api.put("/api/organizations/V-ZUOBIAO", "{\"name\": \"坐标村党支部\", \"type\": \"VILLAGE\","
                + " \"level\": \"BRANCH\", \"parentCode\": \"XQ-T01\", \"latitude\": 91, \"longitude\": -181}");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(paths(outOfRange)).containsExactly("/latitude", "/longitude");
        assertThat(api.get("/api/organizations/V-ZUOBIAO").json().get("latitude").asDouble()).as("unchanged")
                .isEqualTo(34.3621);

        Api.Reply withoutLocation = api.put("/api/organizations/V-ZUOBIAO", "{\"name\": \"坐标村党支部\","
                + " \"type\": \"VILLAGE\", \"level\": \"BRANCH\", \"parentCode\": \"XQ-T01\"}");
        assertThat(withoutLocation.status()).isEqualTo(200);
        assertThat(api.get("/api/organizations/V-ZUOBIAO").json().has("latitude")).as("replaced: no location").isFalse();
    }

    @Test
    void put_validates_like_a_bundle_record_with_paths_relative_to_the_body() {
        Api.Reply reply = api.put("/api/organizations/V-BAD",
                "{\"code\": \"V-OTHER\", \"name\": \"\", \"type\": \"ENTERPRISE\", \"level\": \"BRANCH\","
                        + " \"parentCode\": \"NOWHERE\", \"colour\": 1}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(paths(reply)).contains("/code", "/name", "/enterpriseCategory", "/parentCode", "/colour");
        assertThat(api.get("/api/organizations/V-BAD").status()).isEqualTo(404);

        Api.Reply cycle = api.put("/api/organizations/XQ",
                "{\"name\": \"X区党工委\", \"type\": \"ORGAN\", \"level\": \"COMMITTEE\", \"parentCode\": \"V-HONGQI\"}");
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(paths(cycle)).containsExactly("/parentCode");

        Api.Reply malformed = api.put("/api/organizations/V-BAD", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(paths(malformed)).containsExactly("");
    }

    @Test
    void period_facts_read_and_put() {
        JsonNode facts = api.get("/api/organizations/V-SHIQIAO/facts/2026").json();
        assertThat(facts.get("orgCode").asString()).isEqualTo("V-SHIQIAO");
        assertThat(facts.get("members").asInt()).isEqualTo(9);

        ObjectNode quarter = ((ObjectNode) facts).deepCopy();
        quarter.remove("orgCode");
        quarter.remove("period");
        Api.Reply created = api.put("/api/organizations/V-SHIQIAO/facts/2026-Q4", quarter.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.get("/api/organizations/V-SHIQIAO/facts/2026-Q4").json().get("period").asString())
                .isEqualTo("2026-Q4");
        assertThat(api.get("/api/organizations/V-SHIQIAO/facts").json().size()).isEqualTo(2);

        quarter.put("floatingMembersInContact", quarter.get("floatingMembers").asInt() + 1);
        quarter.put("period", "2025");
        Api.Reply invalid = api.put("/api/organizations/V-SHIQIAO/facts/2026-Q4", quarter.toString());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(paths(invalid)).contains("/period", "/floatingMembersInContact");

        ObjectNode fewer = ((ObjectNode) facts).deepCopy();
        fewer.put("members", 3).put("newMembers", 0).put("floatingMembers", 0).put("floatingMembersInContact", 0);
        Api.Reply tooFew = api.put("/api/organizations/V-SHIQIAO/facts/2026", fewer.toString());
        assertThat(tooFew.status()).as(tooFew.body()).isEqualTo(400);
        assertThat(paths(tooFew)).containsExactly("/members");
    }

    @Test
    void members_of_a_period() {
        JsonNode members = api.get("/api/organizations/C-XINGFU/members?period=2026").json();

        assertThat(members.size()).isEqualTo(15);
        assertThat(members.get(0).propertyNames()).containsExactlyInAnyOrder("memberId", "orgCode", "period", "floating",
                "serviceHours", "appraisal", "innovations", "managementResults", "studyAttendanceRate", "testScore",
                "disciplinaryAction");
        assertThat(api.get("/api/organizations/C-XINGFU/members?period=bad").status()).isEqualTo(400);
    }

    private static List<String> codes(JsonNode list) {
        return list.valueStream().map(o -> o.get("code").asString()).toList();
    }

    private static List<String> paths(Api.Reply reply) {
        return reply.json().get("errors").valueStream().map(e -> e.get("path").asString()).toList();
    }
}
