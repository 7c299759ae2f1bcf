package org.grassroots.assessment.server.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + ImportApiTest.DATA_DIR, "assessment.demo=false"})
class ImportApiTest {

    static final String DATA_DIR = "target/test-data/import-api";
    static final List<String> TABLES = List.of("organization", "period_facts", "member_roll", "member_roll_ids", "visit", "finding",
            "rectification_item", "rectification_step");

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api() {
        return new Api(port);
    }

    static byte[] workedExample() {
        return Fixtures.bytes(Fixtures.WORKED_EXAMPLE);
    }

    static ObjectNode workedExampleTree() {
        return (ObjectNode) Api.JSON.readTree(workedExample());
    }

    Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Integer.class)));
        return counts;
    }

    @Test
    void imports_the_worked_example_and_reads_it_back() {
        Api.Reply reply = api().post("/api/import", workedExample());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode counts = reply.json();
        assertThat(counts.get("organizations").asInt()).isEqualTo(7);
        assertThat(counts.get("periodFacts").asInt()).isEqualTo(9);
        assertThat(counts.get("members").asInt()).isEqualTo(55);
        assertThat(counts.get("visits").asInt() + counts.get("visitsUnchanged").asInt()).isEqualTo(8);

        JsonNode hongqi = api().get("/api/organizations/V-HONGQI").json();
        assertThat(hongqi.toString()).isEqualTo("{\"code\":\"V-HONGQI\",\"name\":\"红旗村党支部\",\"type\":\"VILLAGE\","
                + "\"level\":\"BRANCH\",\"parentCode\":\"XQ-T01\",\"hasPartyGroups\":true}");
        JsonNode root = api().get("/api/organizations/XQ").json();
        assertThat(root.has("parentCode")).isTrue();
        assertThat(root.get("parentCode").isNull()).isTrue();
        assertThat(api().get("/api/organizations/E-HANGKE").json().get("enterpriseCategory").asString()).isEqualTo("KEY");

        JsonNode facts = api().get("/api/organizations/V-HONGQI/facts/2026").json();
        JsonNode expected = find(workedExampleTree().get("periodFacts"), "V-HONGQI", "2026");
        assertThat(facts.propertyNames()).containsExactlyInAnyOrderElementsOf(expected.propertyNames());
        for (String field : expected.propertyNames()) {
            JsonNode want = expected.get(field);
            JsonNode got = facts.get(field);
            if (want.isNumber()) {
                assertThat(got.asDouble()).as(field).isEqualTo(want.asDouble());
            } else {
                assertThat(got).as(field).isEqualTo(want);
            }
        }

        JsonNode members = api().get("/api/organizations/V-HONGQI/members?period=2026").json();
        assertThat(members.size()).isEqualTo(12);
        assertThat(members.get(0).get("memberId").asString()).isEqualTo("HQ-01");
        assertThat(members.get(0).get("appraisal").asString()).isEqualTo("COMPETENT");
        assertThat(members.get(0).get("serviceHours").asDouble()).isEqualTo(60.0);
        assertThat(api().get("/api/organizations/V-HONGQI/members").json().size()).isEqualTo(12);
        assertThat(api().get("/api/organizations/V-HONGQI/members?period=2025").json().size()).isZero();
    }

    @Test
    void the_same_bundle_again_replaces_records_and_leaves_visits_as_they_are() {
        api().post("/api/import", workedExample());
        Map<String, Integer> before = rowCounts();

        Api.Reply again = api().post("/api/import", workedExample());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("visits").asInt()).isZero();
        assertThat(again.json().get("visitsUnchanged").asInt()).isEqualTo(8);
        assertThat(again.json().get("findings").asInt()).isZero();
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void findings_open_inspection_items_with_deadlines_and_imported_steps() {
        api().post("/api/import", workedExample());

        Map<String, Object> item = jdbc.queryForMap(
                "select * from rectification_item where item_key = 'INSPECTION:MC-2026-001:0'");
        assertThat(item.get("SOURCE")).isEqualTo("INSPECTION");
        assertThat(item.get("RULE")).isEqualTo("C06");
        assertThat(item.get("ORG_CODE")).isEqualTo("V-HONGQI");
        assertThat(item.get("VISIT_ID")).isEqualTo("MC-2026-001");
        assertThat(item.get("POSITION")).isEqualTo(0);
        assertThat(item.get("DESCRIPTION")).isEqualTo("标识外观不符合\"四统一\"");
        assertThat(item.get("DUE_DAYS")).isEqualTo(30);
        assertThat(jdbc.queryForObject("select deadline from rectification_item where item_key = ?", LocalDate.class,
                "INSPECTION:MC-2026-001:0")).isEqualTo(LocalDate.of(2026, 5, 10));
        List<Map<String, Object>> steps = jdbc.queryForList("select s.kind, s.step_date, s.actor from rectification_step s"
                + " join rectification_item i on i.id = s.item_id where i.item_key = ? order by s.id",
                "INSPECTION:MC-2026-001:0");
        assertThat(steps).extracting(s -> s.get("KIND") + " " + s.get("STEP_DATE") + " " + s.get("ACTOR"))
                .containsExactly("SUBMIT 2026-04-20 import", "VERIFY 2026-04-25 import");

        // C03 set CRITICAL by the inspector: 7 days; the C07 note is part of the description.
        assertThat(jdbc.queryForObject("select due_days from rectification_item where item_key = ?", Integer.class,
                "INSPECTION:AF-2026-020:2")).isEqualTo(7);
        assertThat(jdbc.queryForObject("select description from rectification_item where item_key = ?", String.class,
                "INSPECTION:MC-2025-007:0")).isEqualTo("党建经费使用不规范：2025年党建经费列支会议餐费");
        assertThat(jdbc.queryForObject("select count(*) from rectification_step s join rectification_item i"
                + " on i.id = s.item_id where i.item_key = 'INSPECTION:AF-2026-033:1'", Integer.class)).isEqualTo(1);
    }

    @Test
    void a_bundle_with_many_mistakes_is_refused_whole_with_every_problem() {
        api().post("/api/import", workedExample());
        Map<String, Integer> before = rowCounts();
        ObjectNode bundle = workedExampleTree();
        ArrayNode organizations = (ArrayNode) bundle.get("organizations");
        ((ObjectNode) organizations.get(0)).put("name", "改了名字但不该写入");
        ((ObjectNode) organizations.get(2)).put("type", "FARM");
        ((ObjectNode) organizations.get(3)).put("colour", "red");
        organizations.addObject().put("code", "NEW-ORG").put("name", "新组织").put("type", "VILLAGE")
                .put("level", "BRANCH").put("parentCode", "NOWHERE");
        ObjectNode facts = (ObjectNode) bundle.get("periodFacts").get(3);
        facts.put("floatingMembersInContact", facts.get("floatingMembers").asInt() + 1);
        ((ObjectNode) bundle.get("periodFacts").get(4)).remove("massSatisfaction");
        ((ObjectNode) bundle.get("members").get(0)).put("testScore", 101);
        ((ObjectNode) bundle.get("visits").get(0)).put("date", "2999-01-01");
        ((ObjectNode) bundle.get("visits").get(1).get("findings").get(0)).put("item", "C99");

        Api.Reply reply = api().post("/api/import", Api.JSON.writeValueAsBytes(bundle));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        List<String> paths = reply.json().get("errors").valueStream().map(e -> e.get("path").asString()).toList();
        assertThat(paths).contains("/organizations/2/type", "/organizations/3/colour", "/organizations/7/parentCode",
                "/periodFacts/3/floatingMembersInContact", "/periodFacts/4/massSatisfaction", "/members/0/testScore",
                "/visits/0/date", "/visits/1/findings/0/item");
        reply.json().get("errors").forEach(e -> assertThat(e.get("message").asString()).isNotBlank());
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(api().get("/api/organizations/XQ").json().get("name").asString()).isEqualTo("X区党工委");
        assertThat(api().get("/api/organizations/NEW-ORG").status()).isEqualTo(404);
    }

    @Test
    void a_changed_visit_under_a_stored_id_is_a_conflict_and_nothing_is_written() {
        api().post("/api/import", workedExample());
        Map<String, Integer> before = rowCounts();
        ObjectNode bundle = workedExampleTree();
        ((ObjectNode) bundle.get("visits").get(2)).put("team", "第九督查组");
        ((ArrayNode) bundle.get("organizations")).addObject().put("code", "V-NEW").put("name", "新村党支部")
                .put("type", "VILLAGE").put("level", "BRANCH").put("parentCode", "XQ-T01");

        Api.Reply reply = api().post("/api/import", Api.JSON.writeValueAsBytes(bundle));

        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains("AF-2026-014");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(api().get("/api/organizations/V-NEW").status()).isEqualTo(404);
    }

    @Test
    void accepts_a_multipart_upload() {
        Api.Reply reply = api().upload("/api/import", "file", "worked-example.json", workedExample());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("organizations").asInt()).isEqualTo(7);
    }

    @Test
    void malformed_json_is_a_problem_without_internals() {
        Api.Reply reply = api().post("/api/import", "{\"organizations\": [ {\"code\": \"X\", ]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(error.get("message").asString()).startsWith("malformed JSON at line 1");
        assertThat(reply.body()).doesNotContain("Exception", "at org.", "at java.");
    }

    @Test
    void facts_may_not_count_fewer_members_than_are_stored() {
        api().post("/api/import", workedExample());
        ObjectNode facts = (ObjectNode) find(workedExampleTree().get("periodFacts"), "V-HONGQI", "2026");
        facts.put("members", 5);
        ObjectNode bundle = Api.JSON.createObjectNode();
        bundle.putArray("periodFacts").add(facts);

        Api.Reply reply = api().post("/api/import", Api.JSON.writeValueAsBytes(bundle));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("path").asString()).isEqualTo("/periodFacts/0/members");
    }

    @Test
    void values_the_database_cannot_hold_are_problems_not_errors() {
        Map<String, Integer> before = rowCounts();
        ObjectNode bundle = workedExampleTree();
        ((ObjectNode) bundle.get("periodFacts").get(1)).put("collectiveIncomeYuan", 1e15);
        ((ArrayNode) bundle.get("visits").get(0).get("inspectors")).add("王".repeat(5000));
        ((ObjectNode) bundle.get("visits").get(1).get("findings").get(0)).putArray("evidence").add("x".repeat(2001));

        Api.Reply reply = api().post("/api/import", Api.JSON.writeValueAsBytes(bundle));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("errors").valueStream().map(e -> e.get("path").asString()))
                .containsExactly("/periodFacts/1/collectiveIncomeYuan", "/visits/0/inspectors",
                        "/visits/1/findings/0/evidence/0");
        assertThat(rowCounts()).isEqualTo(before);
    }

    static JsonNode find(JsonNode facts, String orgCode, String period) {
        return facts.valueStream()
                .filter(f -> f.get("orgCode").asString().equals(orgCode) && f.get("period").asString().equals(period))
                .findFirst().orElseThrow();
    }
}
