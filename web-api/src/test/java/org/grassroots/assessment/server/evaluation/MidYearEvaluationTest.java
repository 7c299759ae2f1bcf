package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The worked example as of 15 July 2026 (prorated), in a database of its own: ledger deadlines
 * count from the first evaluation's as-of date. Nothing of 2025 is stored, so movement compares
 * with 2025 evaluated on the fly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + MidYearEvaluationTest.DATA_DIR, "assessment.demo=false"})
class MidYearEvaluationTest {

    static final String DATA_DIR = "target/test-data/evaluation-mid-year";

    @LocalServerPort
    int port;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    @Test
    void evaluates_2026_as_of_15_july_exactly_as_the_worked_example_expects() {
        ApiClient api = new ApiClient(port);
        api.importWorkedExample();
        long id = api.evaluate("2026", "2026-07-15");

        JsonNode got = api.evaluation(id);
        JsonNode expected = ApiClient.readJson(Fixtures.workedExampleMidYear());
        assertThat(got.get("asOf").asString()).isEqualTo("2026-07-15");
        assertThat(got.get("previousGrades").asString()).isEqualTo("2025: on the fly 3");
        assertThat(ResultRows.organizations(got)).containsExactlyElementsOf(ResultRows.organizations(expected));
        assertThat(ResultRows.members(got)).containsExactlyElementsOf(ResultRows.members(expected));
        assertThat(ResultRows.rectifications(got)).containsExactlyElementsOf(ResultRows.rectifications(expected));
    }
}
