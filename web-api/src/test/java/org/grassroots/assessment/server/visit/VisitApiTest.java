package org.grassroots.assessment.server.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + VisitApiTest.DATA_DIR, "assessment.demo=false"})
class VisitApiTest {

    static final String DATA_DIR = "target/test-data/visit-api";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void workedExample() {
        api = new Api(port);
        assertThat(api.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
    }

    static String visit(String id, String team) {
        return """
                {"visitId": "%s", "orgCode": "V-SHIQIAO", "date": "2026-10-15", "mode": "COVERT", "team": "%s",
                 "inspectors": ["王明", "李强"], "location": {"lat": 34.27, "lon": 108.95},
                 "findings": [
                   {"item": "C02", "note": "值班室无人"},
                   {"item": "C07", "severity": "CRITICAL", "evidence": ["账目.jpg"]},
                   {"item": "C12", "deduction": 4, "note": "宣传栏破损"}
                 ]}""".formatted(id, team);
    }

    @Test
    void a_new_visit_is_created_with_its_findings_and_rectification_items() {
        Api.Reply reply = api.post("/api/visits", visit("AF-2026-101", "第二督查组"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.location()).endsWith("/api/visits/AF-2026-101");
        JsonNode body = reply.json();
        assertThat(body.get("resultUrl").asString()).isEqualTo("/api/organizations/V-SHIQIAO/result?period=2026");
        JsonNode findings = body.get("findings");
        assertThat(findings.size()).isEqualTo(3);
        assertThat(findings.get(0).get("position").asInt()).isZero();
        assertThat(findings.get(0).get("severity").asString()).isEqualTo("MINOR");
        assertThat(findings.get(0).get("severityFromCatalog").asBoolean()).isTrue();
        assertThat(findings.get(1).get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(findings.get(1).get("severityFromCatalog").asBoolean()).isFalse();
        assertThat(findings.get(2).get("deduction").asInt()).isEqualTo(4);
        assertThat(findings.get(0).get("withdrawn").isNull()).isTrue();
        assertThat(findings.get(0).get("rectificationItemId").isNumber()).isTrue();

        Map<String, Object> item = jdbc.queryForMap("select description, due_days, deadline from rectification_item"
                + " where item_key = 'INSPECTION:AF-2026-101:1'");
        assertThat(item.get("DESCRIPTION")).isEqualTo("党建经费使用不规范");
        assertThat(item.get("DUE_DAYS")).isEqualTo(7);
        assertThat(item.get("DEADLINE").toString()).isEqualTo("2026-10-22");
        assertThat(jdbc.queryForObject("select description from rectification_item where item_key = ?", String.class,
                "INSPECTION:AF-2026-101:0")).isEqualTo("无人值班、值班人员脱岗：值班室无人");

        JsonNode read = api.get("/api/visits/AF-2026-101").json();
        assertThat(read.get("location").get("lat").asDouble()).isEqualTo(34.27);
        assertThat(read.get("inspectors").size()).isEqualTo(2);
        assertThat(read.get("findings").get(1).get("evidence").get(0).asString()).isEqualTo("账目.jpg");
    }

    @Test
    void the_same_visit_twice_is_stored_once() {
        assertThat(api.post("/api/visits", visit("AF-2026-102", "第二督查组")).status()).isEqualTo(201);
        String reformatted = visit("AF-2026-102", "第二督查组").replace("\n", " ").replace(": ", ":");

        Api.Reply again = api.post("/api/visits", reformatted);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("visitId").asString()).isEqualTo("AF-2026-102");
        assertThat(count("select count(*) from visit where visit_id = 'AF-2026-102'")).isEqualTo(1);
        assertThat(count("select count(*) from finding where visit_id = 'AF-2026-102'")).isEqualTo(3);
        assertThat(count("select count(*) from rectification_item where visit_id = 'AF-2026-102'")).isEqualTo(3);
    }

    @Test
    void another_visit_with_a_stored_id_is_a_conflict() {
        api.post("/api/visits", visit("AF-2026-103", "第二督查组"));

        Api.Reply conflict = api.post("/api/visits", visit("AF-2026-103", "第三督查组"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/visits/AF-2026-103").json().get("team").asString()).isEqualTo("第二督查组");
        assertThat(count("select count(*) from finding where visit_id = 'AF-2026-103'")).isEqualTo(3);
        // The worked example's visits are stored too: a changed one is refused the same way.
        Api.Reply imported = api.post("/api/visits", """
                {"visitId": "AF-2026-014", "orgCode": "V-HONGQI", "date": "2026-09-02", "mode": "COVERT",
                 "team": "第一督查组", "inspectors": ["王明"], "findings": [{"item": "C01"}]}""");
        assertThat(imported.status()).isEqualTo(409);
    }

    @Test
    void an_invalid_visit_lists_every_problem() {
        Api.Reply reply = api.post("/api/visits", """
                {"visitId": "AF 1", "orgCode": "NOWHERE", "date": "2999-01-01", "mode": "OPEN", "team": "",
                 "inspectors": [], "findings": [{"item": "C99"}, {"item": "C12"}, {"item": "C01", "deduction": 3}]}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        List<String> paths = reply.json().get("errors").valueStream().map(e -> e.get("path").asString()).toList();
        assertThat(paths).contains("/visitId", "/orgCode", "/date", "/team", "/inspectors", "/findings/0/item",
                "/findings/1/deduction", "/findings/2/deduction");
        assertThat(count("select count(*) from visit where org_code = 'NOWHERE'")).isZero();

        Api.Reply tooLong = api.post("/api/visits", visit("AF-2026-109", "第二督查组")
                .replace("\"李强\"", "\"" + "李".repeat(4001) + "\""));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("path").asString()).isEqualTo("/inspectors");
        // each entry reads the same in every server start: path first, then message
        assertThat(tooLong.body()).contains("\"errors\":[{\"path\":\"/inspectors\",\"message\":\"");

        Api.Reply malformed = api.post("/api/visits", "{\"visitId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void unknown_visit_is_404() {
        Api.Reply reply = api.get("/api/visits/NO-SUCH-VISIT");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void lists_visits_by_organization_and_dates() {
        JsonNode hongqi = api.get("/api/visits?orgCode=V-HONGQI").json();
        assertThat(hongqi.valueStream().map(v -> v.get("visitId").asString()))
                .containsExactly("AF-2026-014", "MC-2026-001");
        assertThat(hongqi.get(1).get("findings").asInt()).isEqualTo(1);

        JsonNode spring = api.get("/api/visits?from=2026-03-01&to=2026-05-31").json();
        assertThat(spring.valueStream().map(v -> v.get("visitId").asString()))
                .containsExactly("AF-2026-020", "MC-2026-001", "AF-2026-033");
        assertThat(api.get("/api/visits?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void withdrawing_a_finding_marks_it_and_records_a_step() {
        api.post("/api/visits", visit("AF-2026-104", "第二督查组"));

        Api.Reply missingReason = api.post("/api/visits/AF-2026-104/findings/2/withdraw", "{\"reason\": \"  \"}");
        assertThat(missingReason.status()).isEqualTo(400);
        assertThat(missingReason.json().get("errors").get(0).get("path").asString()).isEqualTo("/reason");
        assertThat(api.post("/api/visits/AF-2026-104/findings/2/withdraw",
                "{\"reason\": \"" + "长".repeat(2001) + "\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/visits/AF-2026-104/findings/2/withdraw", "{\"reason\": ").status()).isEqualTo(400);

        Api.Reply withdrawn = api.post("/api/visits/AF-2026-104/findings/2/withdraw", "{\"reason\": \"宣传栏属邻村，查错对象\"}");

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("withdrawn").get("reason").asString()).isEqualTo("宣传栏属邻村，查错对象");
        JsonNode findings = api.get("/api/visits/AF-2026-104").json().get("findings");
        assertThat(findings.size()).isEqualTo(3);
        assertThat(findings.get(2).get("withdrawn").get("by").asString()).isNotBlank();
        assertThat(findings.get(1).get("withdrawn").isNull()).isTrue();
        assertThat(jdbc.queryForList("select s.kind, s.note from rectification_step s join rectification_item i"
                + " on i.id = s.item_id where i.item_key = 'INSPECTION:AF-2026-104:2'"))
                .extracting(r -> r.get("KIND") + " " + r.get("NOTE")).containsExactly("WITHDRAW 宣传栏属邻村，查错对象");

        Api.Reply again = api.post("/api/visits/AF-2026-104/findings/2/withdraw", "{\"reason\": \"再次撤销\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.post("/api/visits/AF-2026-104/findings/7/withdraw", "{\"reason\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(api.post("/api/visits/NO-SUCH/findings/0/withdraw", "{\"reason\": \"x\"}").status()).isEqualTo(404);

        Api.Reply resent = api.post("/api/visits", visit("AF-2026-104", "第二督查组"));
        assertThat(resent.status()).as("a withdrawal does not change the visit's content").isEqualTo(200);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    /** PL-04: a visit recorded more than 500 m from its organization is flagged 位置或时间存疑, and still counts. */
    @Test
    void a_visit_recorded_far_from_its_organization_is_in_doubt_on_the_visit_and_in_the_list() {
        ObjectNode org = (ObjectNode) api.get("/api/organizations/V-SHIQIAO").json();
        org.put("latitude", 34.27).put("longitude", 108.95);
        assertThat(api.put("/api/organizations/V-SHIQIAO", org.toString()).status()).isEqualTo(200);

        Api.Reply near = api.post("/api/visits", visit("AF-2026-111", "第二督查组"));
        assertThat(near.status()).as(near.body()).isEqualTo(201);
        assertThat(near.json().get("location").get("lat").asDouble()).isEqualTo(34.27);
        assertThat(near.json().get("doubts").size()).as("recorded at the organization").isZero();

        Api.Reply far = api.post("/api/visits", visit("AF-2026-112", "第三督查组").replace("\"lat\": 34.27",
                "\"lat\": 34.28"));
        assertThat(far.status()).as(far.body()).isEqualTo(201);
        assertThat(far.json().get("doubts").get(0).asString())
                .isEqualTo("位置或时间存疑：检查 AF-2026-112（2026-10-15）记录的位置距组织所在地 1112 米，超过 500 米");
        assertThat(api.get("/api/visits/AF-2026-112").json().get("doubts").size()).isEqualTo(1);

        Api.Reply noPlace = api.post("/api/visits", visit("AF-2026-113", "第四督查组")
                .replace("\"location\": {\"lat\": 34.27, \"lon\": 108.95},", ""));
        assertThat(noPlace.status()).as(noPlace.body()).isEqualTo(201);
        assertThat(noPlace.json().has("location")).isFalse();
        assertThat(noPlace.json().get("doubts").size()).as("no location: no flag").isZero();

        JsonNode list = api.get("/api/visits?orgCode=V-SHIQIAO&from=2026-10-15&to=2026-10-15").json();
        Map<String, Integer> doubts = new java.util.HashMap<>();
        list.forEach(v -> doubts.put(v.get("visitId").asString(), v.get("doubts").size()));
        assertThat(doubts).containsEntry("AF-2026-111", 0).containsEntry("AF-2026-112", 1)
                .containsEntry("AF-2026-113", 0);

        Api.Reply badPlace = api.post("/api/visits", visit("AF-2026-114", "第五督查组").replace("\"lon\": 108.95",
                "\"lon\": 181"));
        assertThat(badPlace.status()).isEqualTo(400);
        assertThat(badPlace.body()).contains("/location/lon");
    }
}
