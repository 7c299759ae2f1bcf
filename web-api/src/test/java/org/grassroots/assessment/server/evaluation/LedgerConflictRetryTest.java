package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.grassroots.assessment.server.rectification.LedgerRepository;
import org.grassroots.assessment.server.rectification.LedgerRepository.ItemUpdate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A person changes a ledger item while an evaluation runs (between the evaluation's read of the
 * ledger and its update): the evaluation runs again on the fresh ledger and ends stored, keeping the
 * person's change; when the conflict repeats past the retries, nothing is stored and the answer is 409.
 * The "person" is a write on its own connection, committed between the read and the update.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + LedgerConflictRetryTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerConflictRetryTest {

    static final String DATA_DIR = "target/test-data/ledger-conflict-retry";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @MockitoSpyBean
    LedgerRepository ledger;

    /** How many more ledger updates a concurrent change should beat. */
    static final AtomicInteger conflictsToMake = new AtomicInteger();
    static final AtomicInteger conflictsMade = new AtomicInteger();

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    void changeItemsConcurrently() {
        doAnswer(invocation -> {
            List<ItemUpdate> updates = invocation.getArgument(0);
            if (!updates.isEmpty() && conflictsToMake.getAndDecrement() > 0) {
                raiseVersion(updates.get(0).id());
                conflictsMade.incrementAndGet();
            }
            return invocation.callRealMethod();
        }).when(ledger).updateItems(any());
    }

    private void raiseVersion(long id) throws SQLException {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(true);
            try (PreparedStatement update = other.prepareStatement(
                    "update rectification_item set version = version + 1 where id = ?")) {
                update.setLong(1, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }

    @Test
    @Order(1)
    void an_item_changed_mid_evaluation_makes_it_run_again_and_end_stored() {
        ApiClient api = new ApiClient(port);
        api.importWorkedExample();
        api.evaluate("2025", null);
        api.evaluate("2026", "2026-12-31");
        int before = api.get("/api/evaluations").json().size();
        changeItemsConcurrently();
        conflictsToMake.set(1);
        conflictsMade.set(0);

        // an earlier as-of date moves the open items' anchors: the ledger sync updates items
        long id = api.evaluate("2026", "2026-10-31");

        assertThat(conflictsMade.get()).as("the concurrent change happened").isEqualTo(1);
        assertThat(api.get("/api/evaluations").json().size()).isEqualTo(before + 1);
        assertThat(api.evaluation(id).get("asOf").asString()).isEqualTo("2026-10-31");
    }

    @Test
    @Order(2)
    void a_conflict_on_every_try_stores_nothing_and_answers_409() {
        ApiClient api = new ApiClient(port);
        int before = api.get("/api/evaluations").json().size();
        changeItemsConcurrently();
        conflictsToMake.set(LedgerConflictRetry.RETRIES + 1);
        conflictsMade.set(0);

        // an earlier as-of date again: the sync has anchors to move
        ApiClient.Response refused = api.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"2026-09-30\"}");

        assertThat(conflictsMade.get()).isEqualTo(LedgerConflictRetry.RETRIES + 1);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("title").asString()).isEqualTo("并发修改冲突");
        assertThat(api.get("/api/evaluations").json().size()).isEqualTo(before);
    }
}
