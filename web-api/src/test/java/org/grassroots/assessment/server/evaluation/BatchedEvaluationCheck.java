package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17: the server reads a district in batches of organizations
 * ({@code assessment.evaluation.batch-organizations}). An evaluation read 7 organizations at a time
 * stores exactly what one read in a single batch stores: every column of every row (result, members
 * and items JSON, ranks), the rule coverage, the inputs' digest, the inputs kept and the previous
 * tiers; and it leaves the rectification ledger as the single batch would (a single-batch
 * evaluation right after it changes nothing).
 */
abstract class BatchedEvaluationCheck {

    static final int TINY = 7;
    static final int WHOLE = 100_000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EvaluationSnapshotRepository snapshots;
    @Autowired
    ConfigurableEnvironment environment;

    private final Map<String, Object> batch = new HashMap<>();

    @BeforeEach
    void batchSizeProperty() {
        environment.getPropertySources().addFirst(new MapPropertySource("batch-size", batch));
    }

    @AfterEach
    void noBatchSizeProperty() {
        environment.getPropertySources().remove("batch-size");
    }

    /**
     * Evaluates in batches of {@link #TINY}, then in one batch: the ledger is as the batches left it;
     * evaluates again in batches and in one batch, on the settled ledger: both store the same.
     */
    void compare(ApiClient api, String period, String asOf) {
        evaluate(api, period, asOf, TINY);
        List<Map<String, Object>> ledgerAfterBatches = StoredEvaluation.ledger(jdbc);
        long whole = evaluate(api, period, asOf, WHOLE);
        assertThat(StoredEvaluation.ledger(jdbc)).as("the ledger after a single batch").isEqualTo(ledgerAfterBatches);
        long batched = evaluate(api, period, asOf, TINY);
        long again = evaluate(api, period, asOf, WHOLE);
        StoredEvaluation inBatches = StoredEvaluation.of(jdbc, snapshots, batched);
        StoredEvaluation inOne = StoredEvaluation.of(jdbc, snapshots, again);
        assertThat(inBatches.rows()).hasSize((Integer) inOne.header().get("organizations"));
        assertSame(inBatches, inOne);
        // the settled ledger gives the first single-batch evaluation the same rows too
        assertSame(StoredEvaluation.of(jdbc, snapshots, whole), inOne);
    }

    private long evaluate(ApiClient api, String period, String asOf, int batchOrganizations) {
        batch.put(EvaluationRunner.BATCH_PROPERTY, String.valueOf(batchOrganizations));
        return api.evaluate(period, asOf);
    }

    static void assertSame(StoredEvaluation actual, StoredEvaluation expected) {
        assertThat(actual.header()).isEqualTo(expected.header());
        for (int i = 0; i < expected.rows().size(); i++) {
            assertThat(actual.rows().get(i)).as("row " + i).isEqualTo(expected.rows().get(i));
        }
        assertThat(actual.rows()).hasSameSizeAs(expected.rows());
        assertThat(actual.inputs()).isEqualTo(expected.inputs());
        assertThat(actual.previousTiers()).isEqualTo(expected.previousTiers());
        assertThat(actual.inputsExtras()).isEqualTo(expected.inputsExtras());
    }
}
