package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo district evaluated 7 organizations at a time stores what a single batch stores ({@link BatchedEvaluationCheck}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + BatchedEvaluationTest.DATA_DIR, "assessment.demo=false"})
class BatchedEvaluationTest extends BatchedEvaluationCheck {

    static final String DATA_DIR = "target/test-data/evaluation-batched";

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    @Test
    void the_demo_district_read_seven_organizations_at_a_time_stores_the_same() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response imported = api.postBytes("/api/import", Fixtures.bytes(Fixtures.DEMO_DISTRICT));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        int organizations = jdbc.queryForObject("select count(*) from period_facts where period = '2026'", Integer.class);
        assertThat(organizations).isGreaterThan(3 * TINY);

        compare(api, "2025", "2025-12-31");
        // movement against the latest 2025 evaluation, then against the published one
        compare(api, "2026", "2026-06-30");
        long official = jdbc.queryForObject("select max(id) from evaluation where period = '2025'", Long.class);
        assertThat(api.post("/api/evaluations/" + official + "/publish", "").status()).isEqualTo(200);
        compare(api, "2026", "2026-12-31");
    }
}
