package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A generated district (weak organizations of every kind, repeat findings, imported ledger states,
 * reverse ranking) evaluated 7 organizations at a time stores what a single batch stores
 * ({@link BatchedEvaluationCheck}); its 2026 movement compares with tiers evaluated on the fly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + BatchedSyntheticDistrictTest.DATA_DIR, "assessment.demo=false"})
class BatchedSyntheticDistrictTest extends BatchedEvaluationCheck {

    static final String DATA_DIR = "target/test-data/evaluation-batched-synthetic";

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    @Test
    void a_generated_district_read_seven_organizations_at_a_time_stores_the_same() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response imported = api.postBytes("/api/import", SyntheticBundleGenerator.bytes(120, 11));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        compare(api, "2026", "2026-12-31");
        assertThat(jdbc.queryForObject("select previous_grades from evaluation where id = (select max(id) from evaluation)",
                String.class)).contains("on the fly");
        assertThat(jdbc.queryForObject("select count(*) from evaluation_result where evaluation_id ="
                + " (select max(id) from evaluation) and result_json like '%REVERSE_RANKED%'", Integer.class)).isPositive();
        compare(api, "2025", "2025-12-31");
        compare(api, "2026", "2026-10-31");
    }
}
