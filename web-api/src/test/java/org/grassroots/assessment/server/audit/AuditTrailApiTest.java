package org.grassroots.assessment.server.audit;

import org.grassroots.assessment.server.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every kind of write leaves exactly one entry in the audit trail; the listing filters it; the chain verifies. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + AuditTrailApiTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailApiTest {

    static final String DATA_DIR = "target/test-data/audit-api";
    static final String ADMIN = TestUsers.ADMIN;

    @LocalServerPort
    int port;

    @BeforeAll
    static void freshDatabase() {
        Api.deleteDirectory(DATA_DIR);
    }

    Api api() {
        return new Api(port);
    }

    /** The page of {@code GET /api/audit?query}; asserts 200. */
    JsonNode audit(String query) {
        Api.Reply r = api().get("/api/audit" + (query.isEmpty() ? "" : "?" + query));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The one entry with the action and exactly the target; asserts there is exactly one. */
    JsonNode only(String action, String target) {
        JsonNode page = audit("action=" + action + "&target=" + target);
        assertThat(page.get("total").asLong()).as(action + " " + target + ": " + page).isEqualTo(1);
        JsonNode e = page.get("entries").get(0);
        assertThat(e.get("target").asString()).isEqualTo(target);
        return e;
    }

    long total() {
        return audit("").get("total").asLong();
    }

    @Test
    @Order(1)
    void the_first_start_records_the_shipped_rule_set_by_the_system() {
        JsonNode e = only("RULESET_ACTIVATED", "ruleset:1");
        assertThat(e.get("actor").asString()).isEqualTo("system");
        assertThat(e.get("remoteAddress").asString()).isEqualTo("local");
        assertThat(e.get("entryHash").asString()).hasSize(64);
        JsonNode admin = only("USER_CREATED", "user:admin");
        assertThat(admin.get("actor").asString()).isEqualTo("system");
        JsonNode first = audit("size=1000").get("entries").get((int) total() - 1);
        assertThat(first.get("seq").asLong()).isEqualTo(1);
        assertThat(first.get("previousHash").asString()).isEqualTo("0".repeat(64));
        assertThat(e.get("at").asString()).endsWith("Z");
    }

    @Test
    @Order(2)
    void a_refused_import_writes_no_entry_and_a_stored_one_exactly_one() {
        long before = total();
        Api.Reply refused = api().post("/api/import", "{\"organizations\": [{\"code\": \"\"}]}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(total()).isEqualTo(before);

        byte[] bundle = Fixtures.bytes(Fixtures.WORKED_EXAMPLE);
        assertThat(api().post("/api/import", bundle).status()).isEqualTo(200);
        JsonNode page = audit("action=IMPORT");
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode e = page.get("entries").get(0);
        String digest = ContentDigest.of(bundle).hex();
        assertThat(e.get("contentDigest").asString()).isEqualTo(digest);
        assertThat(e.get("target").asString()).isEqualTo("import:" + digest.substring(0, 16));
        assertThat(e.get("actor").asString()).isEqualTo(ADMIN);
        assertThat(e.get("remoteAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(e.get("summary").asString()).contains("visits added");
        assertThat(total()).isEqualTo(before + 1);
    }

    @Test
    @Order(3)
    void a_visit_once_an_identical_repost_never_and_a_withdrawal_once() {
        String visit = """
                {"visitId": "AU-2026-1", "orgCode": "V-SHIQIAO", "date": "2026-10-15", "mode": "OPEN", "team": "第一督查组",
                 "inspectors": ["王明"], "findings": [{"item": "C02", "note": "值班室无人"}]}""";
        assertThat(api().post("/api/visits", visit).status()).isEqualTo(201);
        assertThat(api().post("/api/visits", visit).status()).isEqualTo(200);
        JsonNode recorded = only("VISIT_RECORDED", "visit:AU-2026-1");
        assertThat(recorded.get("actor").asString()).isEqualTo(ADMIN);
        assertThat(recorded.get("contentDigest").asString()).matches("[0-9a-f]{64}");

        Api.Reply withdrawn = api().post("/api/visits/AU-2026-1/findings/0/withdraw", "{\"reason\": \"误录\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(api().post("/api/visits/AU-2026-1/findings/0/withdraw", "{\"reason\": \"再次\"}").status())
                .isEqualTo(409);
        assertThat(only("FINDING_WITHDRAWN", "visit:AU-2026-1/findings/0").get("summary").asString()).contains("误录");

        // the visit's target matches the entries below it; a trailing * is a plain prefix
        assertThat(actions(audit("target=visit:AU-2026-1"))).containsExactly("FINDING_WITHDRAWN", "VISIT_RECORDED");
        assertThat(audit("target=visit:AU-2026-").get("total").asLong()).isZero();
        assertThat(audit("target=visit:AU-2026-*").get("total").asLong()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void an_evaluation_run_and_its_publication_once_each() {
        ApiClient client = new ApiClient(port);
        long id = client.evaluate("2026", "2026-12-31");
        assertThat(only("EVALUATION_RUN", "evaluation:" + id).get("summary").asString()).contains("2026");
        assertThat(client.post("/api/evaluations/" + id + "/publish", "").status()).isEqualTo(200);
        assertThat(client.post("/api/evaluations/" + id + "/publish", "").status()).isEqualTo(200);
        only("EVALUATION_PUBLISHED", "evaluation:" + id);
        assertThat(actions(audit("target=evaluation:" + id))).containsExactly("EVALUATION_PUBLISHED", "EVALUATION_RUN");
    }

    @Test
    @Order(5)
    void every_rectification_step_once() {
        JsonNode items = api().get("/api/rectifications?asOf=2026-12-31&status=OPEN").json().get("items");
        long id = items.get(0).get("id").asLong();
        String base = "/api/rectifications/" + id;
        assertThat(api().post(base + "/submit", "{\"evidence\": [\"照片.jpg\"], \"note\": \"已整改\"}").status())
                .isEqualTo(200);
        assertThat(api().post(base + "/reject", "{\"reason\": \"证据不足\"}").status()).isEqualTo(200);
        assertThat(api().post(base + "/submit", "{\"evidence\": [\"照片2.jpg\"], \"note\": \"补充\"}").status())
                .isEqualTo(200);
        assertThat(api().post(base + "/verify", "{\"note\": \"核验通过\"}").status()).isEqualTo(200);
        assertThat(api().post(base + "/verify", "{\"note\": \"again\"}").status()).isEqualTo(409);

        assertThat(actions(audit("target=rectification:" + id))).containsExactly("RECTIFICATION_VERIFIED",
                "RECTIFICATION_SUBMITTED", "RECTIFICATION_REJECTED", "RECTIFICATION_SUBMITTED");
        only("RECTIFICATION_REJECTED", "rectification:" + id);
        only("RECTIFICATION_VERIFIED", "rectification:" + id);
    }

    @Test
    @Order(6)
    void an_organization_and_its_facts_once_each() {
        Api.Reply org = api().put("/api/organizations/V-AUDIT", "{\"name\": \"审计村党支部\", \"type\": \"VILLAGE\","
                + " \"level\": \"BRANCH\", \"parentCode\": \"XQ-T01\", \"hasPartyGroups\": false}");
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        assertThat(only("ORGANIZATION_UPDATED", "organization:V-AUDIT").get("summary").asString()).contains("审计村党支部");

        ObjectNode facts = (ObjectNode) api().get("/api/organizations/V-SHIQIAO/facts/2026").json();
        facts.remove("orgCode");
        facts.remove("period");
        Api.Reply put = api().put("/api/organizations/V-SHIQIAO/facts/2026-Q4", facts.toString());
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        only("FACTS_UPDATED", "organization:V-SHIQIAO/facts/2026-Q4");

        Api.Reply invalid = api().put("/api/organizations/V-BAD", "{\"name\": \"\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(audit("target=organization:V-BAD").get("total").asLong()).isZero();
    }

    @Test
    @Order(7)
    void a_draft_its_activation_and_a_roll_back_once_each() {
        JsonNode shipped = api().get("/api/rules/versions/1").json().get("files");
        ObjectNode rules = Api.JSON.createObjectNode();
        shipped.properties().forEach(f -> {
            if (!f.getKey().startsWith("scenarios/")) {
                rules.set(f.getKey(), f.getValue());
            }
        });
        ObjectNode body = Api.JSON.createObjectNode();
        body.set("files", rules);
        body.put("comment", "audit test");
        Api.Reply draft = api().post("/api/rules/drafts", body.toString());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        long id = draft.json().get("id").asLong();
        assertThat(only("RULESET_DRAFTED", "ruleset:" + id).get("actor").asString()).isEqualTo(ADMIN);

        // four-eyes: the author may not approve his own draft (refused and audited); a second person approves
        Api.Reply own = api().post("/api/rules/versions/" + id + "/approve", "{\"period\":\"2026\",\"digest\":\"x\"}");
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(only("RULESET_APPROVAL_REFUSED", "ruleset:" + id).get("actor").asString()).isEqualTo(ADMIN);
        assertThat(api().post("/api/rules/versions/" + id + "/activate", "").status()).isEqualTo(409);
        org.grassroots.assessment.server.ruleset.SecondPerson.approve(port, id);
        assertThat(only("RULESET_APPROVED", "ruleset:" + id).get("actor").asString())
                .isEqualTo(org.grassroots.assessment.server.ruleset.SecondPerson.USER);
        assertThat(api().post("/api/rules/versions/" + id + "/activate", "").status()).isEqualTo(200);
        only("RULESET_ACTIVATED", "ruleset:" + id);
        Api.Reply back = api().post("/api/rules/versions/1/activate", "");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        only("RULESET_ROLLED_BACK", "ruleset:1");
    }

    @Test
    @Order(8)
    void the_listing_filters_by_actor_action_and_time_and_pages_newest_first() {
        long total = total();
        assertThat(audit("actor=system").get("total").asLong()).as("the first administrator and the shipped rules")
                .isEqualTo(2);
        assertThat(audit("actor=" + org.grassroots.assessment.server.ruleset.SecondPerson.USER).get("total").asLong())
                .as("the second person's approval of the rule set").isEqualTo(1);
        assertThat(audit("actor=" + ADMIN).get("total").asLong()).isEqualTo(total - 3);
        assertThat(audit("from=2000-01-01").get("total").asLong()).isEqualTo(total);
        assertThat(audit("to=2000-01-01").get("total").asLong()).isZero();
        assertThat(audit("from=2000-01-01T00:00:00Z&to=2999-12-31T23:59:59Z").get("total").asLong()).isEqualTo(total);

        JsonNode first = audit("page=0&size=3");
        JsonNode second = audit("page=1&size=3");
        assertThat(first.get("entries").size()).isEqualTo(3);
        assertThat(first.get("entries").get(0).get("seq").asLong()).isEqualTo(total);
        assertThat(second.get("entries").get(0).get("seq").asLong()).isEqualTo(total - 3);

        assertThat(api().get("/api/audit?size=0").status()).isEqualTo(400);
        assertThat(api().get("/api/audit?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    @Order(9)
    void the_chain_of_all_these_writes_verifies() {
        long total = total();
        Api.Reply r = api().get("/api/audit/verify");
        assertThat(r.status()).isEqualTo(200);
        JsonNode v = r.json();
        assertThat(v.get("valid").asBoolean()).as(r.body()).isTrue();
        assertThat(v.get("checked").asLong()).isEqualTo(total);
        assertThat(v.get("firstBrokenSeq").isNull()).isTrue();
        assertThat(v.has("reason")).isTrue();
    }

    static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.get("entries").forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }

}
