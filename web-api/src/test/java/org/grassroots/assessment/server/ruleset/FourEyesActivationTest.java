package org.grassroots.assessment.server.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.TestUsers;
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

/**
 * Four-eyes activation (四眼原则) through the API: a maintainer cannot activate his own draft alone;
 * the author cannot approve it; an evaluator sees the impact notice, which equals the what-if (and
 * its xlsx the notice), and approves it with the notice's digest; the approval keeps the notice;
 * rolling back needs no approval; an approval made over another set in force no longer counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + FourEyesActivationTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FourEyesActivationTest {

    static final String DATA_DIR = "target/test-data/four-eyes";
    static final String MAINTAINER = "maint";
    static final String EVALUATOR = "eva";
    static final String PASSWORD = "four-eyes-password-1";
    static final String PERIOD = "?period=2026&asOf=2026-12-31";

    @LocalServerPort
    int port;

    static long shipped;
    static long draft;
    static String digest;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    Api admin() {
        return new Api(port);
    }

    Api maintainer() {
        return new Api(port, TestUsers.basic(MAINTAINER, PASSWORD));
    }

    Api evaluator() {
        return new Api(port, TestUsers.basic(EVALUATOR, PASSWORD));
    }

    @Test
    @Order(1)
    void a_maintainer_cannot_activate_his_own_draft_alone() {
        assertThat(admin().post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
        user(MAINTAINER, "RULE_MAINTAINER");
        user(EVALUATOR, "EVALUATOR");
        shipped = admin().get("/api/rules/active").json().get("id").asLong();
        JsonNode releases = admin().get("/api/rules/versions/" + shipped + "/approvals").json();
        assertThat(releases.size()).as("the shipped set counts as approved").isEqualTo(1);
        assertThat(releases.get(0).get("approvedBy").asString()).isEqualTo("system");
        assertThat(releases.get(0).get("release").asBoolean()).isTrue();

        Api.Reply d = maintainer().post("/api/rules/drafts", RuleFiles.body(RuleFiles.cb05Weight50(), "CB-05 50%"));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        draft = d.json().get("id").asLong();

        Api.Reply alone = maintainer().post("/api/rules/versions/" + draft + "/activate", "");
        assertThat(alone.status()).as(alone.body()).isEqualTo(409);
        assertThat(alone.contentType()).startsWith("application/problem+json");
        assertThat(alone.json().get("detail").asString()).contains("尚未批准", "四眼原则");
        assertThat(admin().get("/api/rules/active").json().get("id").asLong()).isEqualTo(shipped);

        // a maintainer may not approve at all, his own draft or another's
        Api.Reply own = maintainer().post("/api/rules/versions/" + draft + "/approve", "{\"period\":\"2026\",\"digest\":\"x\"}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(maintainer().post("/api/rules/versions/" + draft + "/activate", "").status()).isEqualTo(409);
    }

    @Test
    @Order(2)
    void the_author_cannot_approve_his_own_draft_even_as_administrator() {
        Map<String, String> files = RuleFiles.shipped();
        files.put("ruleset.properties", files.get("ruleset.properties").replaceAll("(?m)^version=.*$", "version=2026.9-admin-own"));
        files.put(RuleFiles.COMBAT, files.get(RuleFiles.COMBAT) + "\n// only a comment\n");
        Api.Reply d = admin().post("/api/rules/drafts", RuleFiles.body(files, "admin's own"));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        long mine = d.json().get("id").asLong();
        String seen = admin().get("/api/rules/versions/" + mine + "/notice" + PERIOD).json().get("digest").asString();
        Api.Reply own = admin().post("/api/rules/versions/" + mine + "/approve",
                "{\"period\":\"2026\",\"asOf\":\"2026-12-31\",\"digest\":\"" + seen + "\"}");
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.json().get("detail").asString()).contains("不能由您本人批准");
        assertThat(admin().get("/api/rules/versions/" + mine + "/approvals").json().size()).isZero();
        JsonNode refused = admin().get("/api/audit?action=RULESET_APPROVAL_REFUSED").json();
        assertThat(refused.toString()).contains("ruleset:" + mine);
    }

    @Test
    @Order(3)
    void an_approver_sees_the_notice_and_it_equals_the_what_if() throws Exception {
        Api.Reply n = evaluator().get("/api/rules/versions/" + draft + "/notice" + PERIOD);
        assertThat(n.status()).as(n.body()).isEqualTo(200);
        JsonNode notice = n.json();
        Api.Reply w = maintainer().post("/api/rules/drafts/" + draft + "/what-if" + PERIOD, "");
        assertThat(w.status()).as(w.body()).isEqualTo(200);
        assertThat(notice.get("whatIf")).isEqualTo(w.json());
        JsonNode changed = notice.get("whatIf").get("changed");
        assertThat(changed.size()).as("CB-05 at 50% moves the inspected organizations").isPositive();
        assertThat(notice.get("author").asString()).isEqualTo(MAINTAINER);
        assertThat(notice.get("baseChecksum").asString()).isEqualTo(admin().get("/api/rules/active").json().get("checksum").asString());
        digest = notice.get("digest").asString();
        assertThat(digest).startsWith("sha256:");
        assertThat(evaluator().get("/api/rules/versions/" + draft + "/notice" + PERIOD).json().get("digest").asString())
                .as("the same notice twice has the same digest").isEqualTo(digest);

        // the xlsx holds the notice's rows: per organization tiers and ranks before and after, the rules that change
        HttpResponse<byte[]> x = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/rules/versions/" + draft + "/notice.xlsx" + PERIOD)).header("Authorization",
                TestUsers.basic(EVALUATOR, PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(x.statusCode()).isEqualTo(200);
        assertThat(x.headers().firstValue("X-Notice-Digest")).hasValue(digest);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            Sheet sheet = wb.getSheet("影响通知");
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(changed.size());
            for (int i = 0; i < changed.size(); i++) {
                JsonNode c = changed.get(i);
                Row row = sheet.getRow(i + 2);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(c.get("code").asString());
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(c.get("before").get("rank").asDouble());
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(c.get("after").get("rank").asDouble());
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(c.get("after").get("composite").asDouble());
                StringBuilder rules = new StringBuilder();
                c.get("lines").forEach(l -> rules.append(rules.isEmpty() ? "" : "、").append(l.get("rule").asString()));
                assertThat(row.getCell(9).getStringCellValue()).isEqualTo(rules.toString());
            }
            assertThat(wb.getSheet("说明").getRow(5).getCell(1).getStringCellValue()).isEqualTo(digest);
        }
    }

    @Test
    @Order(4)
    void the_approval_records_the_notice_seen_and_the_maintainer_then_activates() {
        Api.Reply stale = evaluator().post("/api/rules/versions/" + draft + "/approve",
                "{\"period\":\"2026\",\"asOf\":\"2026-12-31\",\"digest\":\"sha256:not-the-notice\"}");
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("影响通知已变化");

        Api.Reply ok = evaluator().post("/api/rules/versions/" + draft + "/approve",
                "{\"period\":\"2026\",\"asOf\":\"2026-12-31\",\"digest\":\"" + digest + "\",\"comment\":\"同意\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode approval = ok.json().get("approval");
        assertThat(approval.get("approvedBy").asString()).isEqualTo(EVALUATOR);
        assertThat(approval.get("digest").asString()).isEqualTo(digest);
        assertThat(approval.get("valid").asBoolean()).isTrue();
        long approvalId = approval.get("id").asLong();
        JsonNode recorded = maintainer().get("/api/rules/versions/" + draft + "/approvals/" + approvalId).json();
        assertThat(recorded.get("notice").get("digest").asString()).isEqualTo(digest);
        assertThat(recorded.get("notice").get("whatIf"))
                .isEqualTo(evaluator().get("/api/rules/versions/" + draft + "/notice" + PERIOD).json().get("whatIf"));
        assertThat(admin().get("/api/audit?action=RULESET_APPROVED").json().toString()).contains("ruleset:" + draft);

        Api.Reply a = maintainer().post("/api/rules/versions/" + draft + "/activate", "");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("activatedBy").asString()).isEqualTo(MAINTAINER);
        assertThat(admin().get("/api/rules/active").json().get("id").asLong()).isEqualTo(draft);
    }

    @Test
    @Order(5)
    void rolling_back_needs_no_second_approval_and_an_approval_over_another_set_no_longer_counts() {
        assertThat(maintainer().post("/api/rules/versions/" + shipped + "/activate", "").status()).isEqualTo(200);
        assertThat(maintainer().post("/api/rules/versions/" + draft + "/activate", "").status())
                .as("the draft was in force before: activating it again is a roll back").isEqualTo(200);

        Map<String, String> files = RuleFiles.shipped();
        files.put("ruleset.properties", files.get("ruleset.properties").replaceAll("(?m)^version=.*$", "version=2026.9-stale"));
        Api.Reply d = maintainer().post("/api/rules/drafts", RuleFiles.body(files, "stale"));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        long later = d.json().get("id").asLong();
        SecondPerson.approve(port, later);
        // the set in force changes after the approval: the notice the approver saw no longer holds
        assertThat(maintainer().post("/api/rules/versions/" + shipped + "/activate", "").status()).isEqualTo(200);
        Api.Reply a = maintainer().post("/api/rules/versions/" + later + "/activate", "");
        assertThat(a.status()).as(a.body()).isEqualTo(409);
        assertThat(a.json().get("detail").asString()).contains("重新查看影响通知");
        assertThat(admin().get("/api/rules/versions/" + later + "/approvals").json().get(0).get("valid").asBoolean()).isFalse();
        SecondPerson.approve(port, later);
        assertThat(maintainer().post("/api/rules/versions/" + later + "/activate", "").status()).isEqualTo(200);
    }

    private void user(String name, String role) {
        Api.Reply r = admin().post("/api/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
