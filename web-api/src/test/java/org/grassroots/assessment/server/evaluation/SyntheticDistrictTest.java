package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.cli.InProcessCli;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.ruleset.ActiveRuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A synthetic district (weak organizations of every kind, repeat findings, imported ledger states,
 * reverse ranking) evaluated through the database gives exactly what the engine gives offline
 * over the same bundle: the database-backed inputs lose nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + SyntheticDistrictTest.DATA_DIR, "assessment.demo=false"})
class SyntheticDistrictTest {

    static final String DATA_DIR = "target/test-data/evaluation-synthetic";

    @LocalServerPort
    int port;
    @TempDir
    Path temp;
    @Autowired
    ActiveRuleSet rules;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    @Test
    void the_stored_evaluation_equals_the_offline_one() throws Exception {
        byte[] bytes = SyntheticBundleGenerator.bytes(200, 11);
        ApiClient api = new ApiClient(port);
        ApiClient.Response imported = api.postBytes("/api/import", bytes);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        api.evaluate("2025", "2025-12-31");
        long id = api.evaluate("2026", "2026-12-31");
        JsonNode stored = api.evaluation(id);

        Bundle bundle = new BundleReader().read(new ByteArrayInputStream(bytes));
        EvaluationResult offline = new Evaluator(rules.get())
                .evaluate(new BundleData(bundle), Period.parse("2026"), LocalDate.parse("2026-12-31"));
        JsonNode expected = ResultJson.mapper().readTree(ResultJson.toJson(offline));

        assertThat(stored.get("organizations")).hasSize(expected.get("organizations").size());
        assertThat(ResultRows.organizations(stored)).containsExactlyElementsOf(ResultRows.organizations(expected));
        assertThat(groupRanks(stored)).containsExactlyElementsOf(groupRanks(expected));
        assertThat(ResultRows.members(stored)).containsExactlyElementsOf(ResultRows.members(expected));
        assertThat(ResultRows.rectifications(stored)).containsExactlyElementsOf(ResultRows.rectifications(expected));
        assertThat(stored.toString()).contains("REVERSE_RANKED");

        // the inputs the evaluation kept, downloaded as a bundle, give the same under the offline CLI
        // (visits with their inspectors, the ledger's steps as the bundle's rectification states)
        HttpResponse<byte[]> inputs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/evaluations/" + id + "/inputs"))
                .header("Authorization", TestUsers.admin()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(inputs.statusCode()).isEqualTo(200);
        Path kept = Files.write(temp.resolve("inputs.json"), inputs.body());
        Path out = temp.resolve("cli.json");
        InProcessCli.Run run = InProcessCli.run("evaluate", "--bundle", kept.toString(), "--period", "2026",
                "--as-of", "2026-12-31", "--out", out.toString(), "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode cli = ResultJson.mapper().readTree(Files.readString(out));
        assertThat(ResultRows.organizations(cli)).containsExactlyElementsOf(ResultRows.organizations(stored));
        assertThat(groupRanks(cli)).containsExactlyElementsOf(groupRanks(stored));
        assertThat(ResultRows.members(cli)).containsExactlyElementsOf(ResultRows.members(stored));
        assertThat(ResultRows.rectifications(cli)).containsExactlyElementsOf(ResultRows.rectifications(stored));
    }

    private static List<String> groupRanks(JsonNode result) {
        List<String> rows = new ArrayList<>();
        for (JsonNode o : result.get("organizations")) {
            rows.add(o.get("code").asString() + " " + o.path("rankInType").asInt() + " " + o.path("rankInParent").asInt());
        }
        return rows;
    }
}
