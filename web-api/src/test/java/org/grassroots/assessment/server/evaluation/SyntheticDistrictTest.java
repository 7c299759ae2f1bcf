package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.server.ruleset.ActiveRuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
        JsonNode stored = api.evaluation(api.evaluate("2026", "2026-12-31"));

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
    }

    private static List<String> groupRanks(JsonNode result) {
        List<String> rows = new ArrayList<>();
        for (JsonNode o : result.get("organizations")) {
            rows.add(o.get("code").asString() + " " + o.path("rankInType").asInt() + " " + o.path("rankInParent").asInt());
        }
        return rows;
    }
}
