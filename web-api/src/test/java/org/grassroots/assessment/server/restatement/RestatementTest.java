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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Sheet;
import org.grassroots.assessment.cli.InProcessCli;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.evaluation.ApiClient;
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

        // the restatement equals the offline CLI run on the kept inputs, downloaded as a bundle, with
        // --rules of the version's files in a directory, field by field. 2025 has no previous period in
        // the inputs: neither side has previous tiers, so movement is compared too.
        Path dir = Files.createDirectories(temp.resolve("rules"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        RuleSet rules = RuleSetLoader.fromDirectory(dir);
        Path bundle = downloadInputs(official);
        EvaluationResult offline = cli(bundle, dir, api, official);
        JsonNode view = api.get("/api/evaluations/" + official + "/restatements/" + restatementId).json();
        Map<String, OrganizationResult> stored = new RestatementResults(jdbc).of(restatementId);
        assertFieldByField(stored, offline, Set.of());
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

        // 2026 against the previous period: the restatement compares with the previous tiers the
        // official evaluation compared with (kept with its inputs: here the stored 2025 evaluation's).
        // A bundle carries no tiers: the CLI evaluates the previous period from the bundle's facts
        // with --rules. So movement is compared for every organization whose previous tier the CLI
        // finds equal to the kept one (the CLI itself says which: the same bundle evaluated for
        // 2025), everything else for all.
        long official2026 = api.evaluate("2026", "2026-12-31");
        assertThat(api.get("/api/evaluations/" + official2026 + "/summary").json().get("previousGrades").asString())
                .contains("#" + official);
        ApiClient.Response restated2026 = api.post("/api/evaluations/" + official2026 + "/restate?ruleVersion="
                + draftId, "");
        assertThat(restated2026.status()).as(restated2026.body()).isEqualTo(201);
        Path bundle2026 = downloadInputs(official2026);
        EvaluationResult cli2026 = cli(bundle2026, dir, api, official2026);
        Map<String, OrganizationResult> previousByCli = new HashMap<>();
        cliRun(bundle2026, dir, "2025", "2025-12-31").organizations().forEach(o -> previousByCli.put(o.code(), o));
        Set<String> previousMoved = new TreeSet<>();
        Set<String> withPrevious = new TreeSet<>();
        officialResult.organizations().forEach(o -> {
            OrganizationResult cliPrevious = previousByCli.get(o.code());
            if (cliPrevious == null || cliPrevious.tier() != o.tier()) {
                previousMoved.add(o.code());
            } else {
                withPrevious.add(o.code());
            }
        });
        assertThat(withPrevious).as("organizations whose movement is compared against a previous tier").isNotEmpty();
        Map<String, OrganizationResult> stored2026 = new RestatementResults(jdbc).of(restated2026.json().get("id").asLong());
        assertFieldByField(stored2026, cli2026, previousMoved);
        withPrevious.forEach(code -> assertThat(stored2026.get(code).movement()).as(code)
                .isNotEqualTo(org.grassroots.assessment.evaluation.Movement.NEW));

        // with the previous tiers the evaluation kept (GET …/previous-tiers, the CLI's --previous-tiers),
        // the CLI run is the restatement field by field for every organization, movement included
        ApiClient.Response kept = api.get("/api/evaluations/" + official2026 + "/previous-tiers");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("period").asString()).isEqualTo("2025");
        assertThat(kept.json().get("source").asString()).contains("#" + official);
        Map<String, String> officialTiers = new TreeMap<>();
        officialResult.organizations().forEach(o -> officialTiers.put(o.code(), o.tier().name()));
        Map<String, String> keptTiers = new TreeMap<>();
        kept.json().get("tiers").properties().forEach(e -> keptTiers.put(e.getKey(), e.getValue().asString()));
        assertThat(keptTiers).isEqualTo(officialTiers);
        Path tiersFile = temp.resolve("previous-tiers-" + official2026 + ".json");
        Files.writeString(tiersFile, kept.body());
        EvaluationResult cliWithTiers = cliRun(bundle2026, dir, "2026", "2026-12-31", "--previous-tiers", tiersFile.toString());
        assertFieldByField(stored2026, cliWithTiers, Set.of());
        assertThat(previousMoved).as("organizations whose movement only the kept tiers explain").isNotEmpty();
    }

    @Test
    @Order(2)
    void the_inputs_download_is_the_office_s_and_answers_problems() {
        ApiClient api = new ApiClient(port);
        long kept = api.evaluate("2026", "2026-12-31");
        jdbc.update("delete from evaluation_snapshot_part where evaluation_id = ?", kept);
        jdbc.update("delete from evaluation_snapshot where evaluation_id = ?", kept);
        ApiClient.Response none = api.get("/api/evaluations/" + kept + "/inputs");
        assertThat(none.status()).as(none.body()).isEqualTo(409);
        assertThat(none.json().get("detail").asString()).contains("没有留存当时读取的数据");
        assertThat(api.get("/api/evaluations/999999/inputs").status()).isEqualTo(404);
        assertThat(api.get("/api/evaluations/" + kept + "/previous-tiers").status()).isEqualTo(409);
        assertThat(api.get("/api/evaluations/999999/previous-tiers").status()).isEqualTo(404);
    }

    /**
     * Every organization of the CLI's result stored by the restatement equal field by field, and no
     * other; for the organizations given, every field but movement.
     */
    private static void assertFieldByField(Map<String, OrganizationResult> stored, EvaluationResult cli,
            Set<String> exceptMovement) {
        assertThat(stored.keySet()).isEqualTo(new TreeSet<>(cli.organizations().stream()
                .map(OrganizationResult::code).toList()));
        for (OrganizationResult o : cli.organizations()) {
            JsonNode expected = JSON.valueToTree(o);
            JsonNode actual = JSON.valueToTree(stored.get(o.code()));
            if (exceptMovement.contains(o.code())) {
                ((ObjectNode) expected).remove("movement");
                ((ObjectNode) actual).remove("movement");
            }
            assertThat((Object) actual).as(o.code()).isEqualTo((Object) expected);
        }
    }

    /** GET /api/evaluations/{id}/inputs as the office: an attachment, written to a file. */
    private Path downloadInputs(long evaluationId) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/api/evaluations/" + evaluationId + "/inputs")).header("Authorization", TestUsers.admin())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"evaluation-" + evaluationId + "-inputs.json\"");
        Path file = temp.resolve("evaluation-" + evaluationId + "-inputs.json");
        Files.write(file, r.body());
        return file;
    }

    /** The CLI on the bundle with --rules, for the evaluation's period and as-of date. */
    private EvaluationResult cli(Path bundle, Path rules, ApiClient api, long evaluationId) throws IOException {
        JsonNode summary = api.get("/api/evaluations/" + evaluationId + "/summary").json();
        return cliRun(bundle, rules, summary.get("period").asString(), summary.get("asOf").asString());
    }

    private EvaluationResult cliRun(Path bundle, Path rules, String period, String asOf, String... more) throws IOException {
        Path out = Files.createTempFile(temp, "cli-" + period + "-", ".json");
        List<String> args = new ArrayList<>(List.of("evaluate", "--bundle", bundle.toString(), "--period", period,
                "--as-of", asOf, "--rules", rules.toString(), "--out", out.toString(), "--threads", "1"));
        args.addAll(List.of(more));
        InProcessCli.Run run = InProcessCli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readValue(Files.readString(out), EvaluationResult.class);
    }

    @Test
    @Order(3)
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
