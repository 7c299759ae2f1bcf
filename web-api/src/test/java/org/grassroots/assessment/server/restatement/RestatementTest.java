package org.grassroots.assessment.server.restatement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.grassroots.assessment.server.evaluation.EvaluationInputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18 section 2, history restated: an evaluation keeps the inputs it read; restating it under
 * another stored rule version stores a restatement beside it (the official evaluation stays byte for
 * byte as it was), equal field by field to the engine run offline on the kept inputs with that
 * version's rule files, and lists exactly the organizations whose result differs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + RestatementTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestatementTest {

    static final String DATA_DIR = "target/test-data/restatement";
    private static final JsonMapper JSON = ResultJson.mapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EvaluationInputs inputs;

    @TempDir
    Path temp;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    @Test
    @Order(1)
    void a_restatement_sits_beside_the_official_evaluation_and_equals_the_offline_run() throws Exception {
        ApiClient api = new ApiClient(port);
        api.importWorkedExample();
        long official = api.evaluate("2025", null);
        String documentBefore = api.get("/api/evaluations/" + official).body();
        List<Map<String, Object>> rowsBefore = storedRows(official);
        EvaluationResult officialResult = JSON.readValue(documentBefore, EvaluationResult.class);

        // the facts change after the evaluation: the kept inputs do not
        jdbc.update("update period_facts set branch_general_meetings = 0, committee_meetings = 0 where period = '2025'");

        // under the version in force: the same results as the official evaluation, line for line
        long active = api.get("/api/rules/active").json().get("id").asLong();
        ApiClient.Response same = api.post("/api/evaluations/" + official + "/restate?ruleVersion=" + active, "");
        assertThat(same.status()).as(same.body()).isEqualTo(201);
        JsonNode sameView = api.get(same.location()).json();
        assertThat(sameView.get("changed").asInt()).as(sameView.toString()).isZero();
        assertThat(sameView.get("rows")).hasSize(officialResult.organizations().size());

        // a 2026 draft that moves the cohesion weight
        Map<String, String> files = draftFiles(api);
        String composite = files.get("60-composite.drl");
        assertThat(composite).contains("final double COHESION_WEIGHT = 0.35;");
        files.put("60-composite.drl", composite.replace("final double COHESION_WEIGHT = 0.35;",
                "final double COHESION_WEIGHT = 0.45;"));
        files.put("ruleset.properties", files.get("ruleset.properties").replaceAll("version=.*", "version=2026.9.9"));
        ObjectNode body = JSON.createObjectNode();
        body.set("files", JSON.valueToTree(files));
        body.put("comment", "restatement test: cohesion weight 0.45");
        ApiClient.Response draft = api.post("/api/rules/drafts", body.toString());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        long draftId = draft.json().get("id").asLong();

        ApiClient.Response restated = api.post("/api/evaluations/" + official + "/restate?ruleVersion=" + draftId, "");
        assertThat(restated.status()).as(restated.body()).isEqualTo(201);
        long restatementId = restated.json().get("id").asLong();
        assertThat(restated.json().get("ruleSetVersion").asString()).isEqualTo("2026.9.9");

        // the official evaluation is byte for byte as it was
        assertThat(api.get("/api/evaluations/" + official).body()).isEqualTo(documentBefore);
        assertThat(storedRows(official)).isEqualTo(rowsBefore);

        // the restatement equals the engine run on the kept inputs with the version's files from a directory
        Path dir = Files.createDirectories(temp.resolve("rules"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        RuleSet rules = RuleSetLoader.fromDirectory(dir);
        EvaluationInputs.Inputs kept = inputs.of(official).orElseThrow();
        EvaluationResult offline = new Evaluator(rules).evaluate(kept.data(), kept.period(), kept.asOf(),
                kept.previousGrades());
        JsonNode view = api.get("/api/evaluations/" + official + "/restatements/" + restatementId).json();
        Map<String, OrganizationResult> stored = new RestatementResults(jdbc).of(restatementId);
        assertThat(stored).hasSize(offline.organizations().size());
        for (OrganizationResult o : offline.organizations()) {
            assertThat((Object) JSON.valueToTree(stored.get(o.code()))).as(o.code()).isEqualTo((Object) JSON.valueToTree(o));
        }
        assertThat(view.get("restated").get("checksum").asString()).isEqualTo(rules.checksum());

        // exactly the organizations whose result moved, computed here from the two result sets
        Map<String, OrganizationResult> before = new HashMap<>();
        officialResult.organizations().forEach(o -> before.put(o.code(), o));
        Set<String> expected = new TreeSet<>();
        offline.organizations().forEach(o -> {
            if (!JSON.valueToTree(o).equals(JSON.valueToTree(before.get(o.code())))) {
                expected.add(o.code());
            }
        });
        assertThat(expected).isNotEmpty();
        Set<String> listed = new TreeSet<>();
        view.get("rows").forEach(r -> {
            if (r.get("changed").asBoolean()) {
                listed.add(r.get("code").asString());
            }
        });
        assertThat(listed).isEqualTo(expected);
        assertThat(view.get("changed").asInt()).isEqualTo(expected.size());
        JsonNode changedOnly = api.get("/api/evaluations/" + official + "/restatements/" + restatementId
                + "?changedOnly=true").json();
        assertThat(changedOnly.get("rows")).hasSize(expected.size());
        JsonNode moved = changedOnly.get("rows").get(0);
        assertThat(moved.get("differences").toString()).contains("composite");
        assertThat(moved.get("lines")).isNotEmpty();
        moved.get("lines").forEach(l -> assertThat(l.get("changed").asBoolean())
                .isEqualTo(!l.get("official").equals(l.get("restated")) || !l.get("officialReason").equals(l.get("restatedReason"))));
        assertThat(moved.get("official").get("composite").asDouble())
                .isEqualTo(before.get(moved.get("code").asString()).composite());

        // listed, exported, audited
        assertThat(api.get("/api/evaluations/" + official + "/restatements").json()).hasSize(2);
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/api/evaluations/" + official + "/restatements/" + restatementId + "/export"))
                .header("Authorization", TestUsers.admin()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheet(RestatementXlsx.COMPARISON_SHEET);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("正式综合得分");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("重算综合得分");
            assertThat(sheet.getLastRowNum()).isEqualTo(officialResult.organizations().size());
            long yes = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if ("是".equals(sheet.getRow(r).getCell(16).getStringCellValue())) {
                    yes++;
                }
            }
            assertThat(yes).isEqualTo(expected.size());
        }
        // the office's page: official and restated columns, the organizations that differ
        ApiClient.Response page = api.get("/office/evaluations/" + official + "/restatements?restatement=" + restatementId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("重算综合得分").contains(expected.size() + " 个组织的结果不同");
        for (String code : expected) {
            assertThat(page.body()).contains("id=\"row-" + code + "\"");
        }
        assertThat(api.get("/office").body()).contains("/office/evaluations/" + official + "/restatements");

        JsonNode audit = api.get("/api/audit?action=EVALUATION_RESTATED").json();
        assertThat(audit.toString()).contains("重算考评 #" + official);
        assertThat(audit.get("total").asLong()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void an_evaluation_stored_without_its_inputs_and_unknown_ids_answer_problems() {
        ApiClient api = new ApiClient(port);
        long old = api.evaluate("2026", "2026-12-31");
        jdbc.update("delete from evaluation_snapshot_part where evaluation_id = ?", old);
        jdbc.update("delete from evaluation_snapshot where evaluation_id = ?", old);
        ApiClient.Response refused = api.post("/api/evaluations/" + old + "/restate?ruleVersion=1", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("无法按其他规则版本重算");
        assertThat(api.post("/api/evaluations/999999/restate?ruleVersion=1", "").status()).isEqualTo(404);
        long kept = api.evaluate("2026", "2026-12-31");
        assertThat(api.post("/api/evaluations/" + kept + "/restate?ruleVersion=999999", "").status()).isEqualTo(404);
        assertThat(api.post("/api/evaluations/" + kept + "/restate", "").status()).isEqualTo(400);
        assertThat(api.get("/api/evaluations/" + kept + "/restatements/999999").status()).isEqualTo(404);
    }

    private List<Map<String, Object>> storedRows(long evaluationId) {
        return jdbc.queryForList("select * from evaluation_result where evaluation_id = ? order by org_code", evaluationId);
    }

    /** The rule files of the version in force (scenarios left out), as a draft takes them. */
    private static Map<String, String> draftFiles(ApiClient api) throws IOException {
        long active = api.get("/api/rules/active").json().get("id").asLong();
        JsonNode files = api.get("/api/rules/versions/" + active).json().get("files");
        Map<String, String> rules = new java.util.TreeMap<>();
        files.properties().forEach(f -> {
            if (!f.getKey().startsWith("scenarios/")) {
                rules.put(f.getKey(), f.getValue().asString());
            }
        });
        return rules;
    }
}
