package org.grassroots.assessment.server.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.grassroots.assessment.server.evaluation.ResultRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Policy section 5 over repeated evaluations of one period: GRADING and STANDARD items are never
 * duplicated, keep the deadline of the first as-of date that produced them, are withdrawn when no
 * longer produced and reopened with a new deadline when produced again; SUBMITTED ones stay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + LedgerRerunTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerRerunTest {

    static final String DATA_DIR = "target/test-data/rectification-ledger-rerun";
    private static final String PERIOD_ITEMS =
            "select count(*) from rectification_item where period = '2026' and source in ('GRADING', 'STANDARD')";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    static JsonNode december;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    @Order(1)
    void an_item_identified_in_july_and_still_open_in_december_is_overdue() {
        ApiClient api = api();
        api.importWorkedExample();
        api.evaluate("2026", "2026-07-15");
        december = api.evaluation(api.evaluate("2026", "2026-12-31"));

        assertThat(row(december, "V-SHIQIAO", "W-01")).isEqualTo("V-SHIQIAO GRADING W-01 - 2026-10-13 OPEN true");
        assertThat(row(december, "V-SHIQIAO", "W-FS")).isEqualTo("V-SHIQIAO GRADING W-FS - 2026-08-14 OPEN true");
        // produced first in December (annual only): due from December
        assertThat(row(december, "V-SHIQIAO", "S-06")).isEqualTo("V-SHIQIAO STANDARD S-06 - 2027-03-01 OPEN false");
    }

    @Test
    @Order(2)
    void re_running_never_duplicates_items() {
        int before = jdbc.queryForObject(PERIOD_ITEMS, Integer.class);
        JsonNode again = api().evaluation(api().evaluate("2026", "2026-12-31"));
        JsonNode third = api().evaluation(api().evaluate("2026", "2026-12-31"));
        assertThat(jdbc.queryForObject(PERIOD_ITEMS, Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(distinct item_key) from rectification_item", Integer.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from rectification_item", Integer.class));
        assertThat(ResultRows.rectifications(again)).containsExactlyElementsOf(ResultRows.rectifications(december));
        assertThat(ids(third)).containsExactlyElementsOf(ids(december));
    }

    @Test
    @Order(3)
    void an_open_item_no_longer_produced_is_withdrawn_and_a_submitted_one_stays() {
        ApiClient api = api();
        long firstSecretary = itemId(december, "V-SHIQIAO", "W-FS");
        assertThat(api.post("/api/rectifications/" + firstSecretary + "/submit",
                "{\"evidence\":[\"任命文件.pdf\"],\"note\":\"已选派\"}").status()).isEqualTo(200);
        long secretary = itemId(december, "V-SHIQIAO", "W-01");

        jdbc.update("update period_facts set secretary_vacant_months = 0, first_secretary_assigned = true"
                + " where org_code = 'V-SHIQIAO' and period = '2026'");
        long id = api.evaluate("2026", "2026-12-31");
        JsonNode result = api.evaluation(id);

        assertThat(ResultRows.rectifications(result)).noneMatch(r -> r.startsWith("V-SHIQIAO GRADING W-01 "));
        JsonNode withdrawn = api.get("/api/rectifications/" + secretary + "?asOf=2026-12-31").json();
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        JsonNode step = withdrawn.get("steps").get(0);
        assertThat(step.get("kind").asString()).isEqualTo("WITHDRAW");
        assertThat(step.get("date").asString()).isEqualTo("2026-12-31");
        assertThat(step.get("note").asString()).contains("#" + id);
        assertThat(codesAndRules(api.get("/api/rectifications?orgCode=V-SHIQIAO&asOf=2026-12-31").json()))
                .doesNotContain("V-SHIQIAO W-01").contains("V-SHIQIAO W-FS");
        assertThat(codesAndRules(api.get("/api/rectifications?orgCode=V-SHIQIAO&asOf=2026-12-31&status=WITHDRAWN").json()))
                .containsExactly("V-SHIQIAO W-01");
        assertThat(api.post("/api/rectifications/" + secretary + "/submit", "{\"evidence\":[\"x.jpg\"]}").status())
                .isEqualTo(409);

        // the SUBMITTED W-FS is left as it is (and listed, awaiting verification)
        JsonNode submitted = api.get("/api/rectifications/" + firstSecretary + "?asOf=2026-12-31").json();
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("steps")).hasSize(1);
        assertThat(row(result, "V-SHIQIAO", "W-FS")).isEqualTo("V-SHIQIAO GRADING W-FS - 2026-08-14 SUBMITTED false");
    }

    @Test
    @Order(4)
    void a_withdrawn_item_produced_again_is_reopened_with_a_new_deadline() {
        ApiClient api = api();
        long secretary = itemId(december, "V-SHIQIAO", "W-01");
        jdbc.update("update period_facts set secretary_vacant_months = 8 where org_code = 'V-SHIQIAO' and period = '2026'");
        JsonNode result = api.evaluation(api.evaluate("2026", "2026-12-31"));

        assertThat(row(result, "V-SHIQIAO", "W-01")).isEqualTo("V-SHIQIAO GRADING W-01 - 2027-03-31 OPEN false");
        assertThat(itemId(result, "V-SHIQIAO", "W-01")).isEqualTo(secretary);
        JsonNode reopened = api.get("/api/rectifications/" + secretary + "?asOf=2026-12-31").json();
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.get("deadline").asString()).isEqualTo("2027-03-31");
        assertThat(kinds(reopened)).containsExactly("WITHDRAW", "REOPEN");
    }

    @Test
    @Order(5)
    void findings_keep_their_stored_positions_when_one_is_withdrawn() {
        ApiClient api = api();
        // the CRITICAL C03 (position 2) is reported fixed: no longer overdue, so W-09 no longer holds
        long critical = itemId(december, "V-SHIQIAO", "C03");
        assertThat(api.post("/api/rectifications/" + critical + "/submit", "{\"evidence\":[\"记录.jpg\"]}").status())
                .isEqualTo(200);
        // withdrawing C02 (position 1) moves C03 to index 1 of the visit's standing findings
        ApiClient.Response w = api.post("/api/visits/AF-2026-020/findings/1/withdraw", "{\"reason\":\"误记\"}");
        assertThat(w.status()).as(w.body()).isEqualTo(200);

        JsonNode result = api.evaluation(api.evaluate("2026", "2026-12-31"));
        JsonNode shiqiao = null;
        for (JsonNode o : result.get("organizations")) {
            if (o.get("code").asString().equals("V-SHIQIAO")) {
                shiqiao = o;
            }
        }
        assertThat(shiqiao.get("weakTriggers").toString()).doesNotContain("W-09");
        List<String> inspection = new ArrayList<>();
        for (JsonNode r : result.get("rectifications")) {
            if (r.get("orgCode").asString().equals("V-SHIQIAO") && r.get("source").asString().equals("INSPECTION")) {
                inspection.add(r.get("rule").asString() + "@" + r.get("position").asInt() + " " + r.get("status").asString());
            }
        }
        assertThat(inspection).containsExactly("C03@2 SUBMITTED", "C01@0 OPEN", "C11@3 OPEN", "C12@4 OPEN");
    }

    private static String row(JsonNode result, String org, String rule) {
        for (JsonNode r : result.get("rectifications")) {
            if (r.get("orgCode").asString().equals(org) && r.get("rule").asString().equals(rule)) {
                return ResultRows.rectification(r);
            }
        }
        throw new AssertionError("no item " + org + " " + rule);
    }

    static long itemId(JsonNode result, String org, String rule) {
        for (JsonNode r : result.get("rectifications")) {
            if (r.get("orgCode").asString().equals(org) && r.get("rule").asString().equals(rule)) {
                return r.get("id").asLong();
            }
        }
        throw new AssertionError("no item " + org + " " + rule);
    }

    private static List<Long> ids(JsonNode result) {
        List<Long> ids = new ArrayList<>();
        result.get("rectifications").forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    static List<String> codesAndRules(JsonNode list) {
        List<String> rows = new ArrayList<>();
        list.get("items").forEach(i -> rows.add(i.get("orgCode").asString() + " " + i.get("rule").asString()));
        return rows;
    }

    private static List<String> kinds(JsonNode item) {
        List<String> kinds = new ArrayList<>();
        item.get("steps").forEach(s -> kinds.add(s.get("kind").asString()));
        return kinds;
    }
}
