package org.grassroots.assessment.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Concurrent writers make one linear chain: no gap, no duplicate position, no deadlock, no 5xx. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + AuditConcurrencyTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditConcurrencyTest {

    static final String DATA_DIR = "target/test-data/audit-concurrency";
    static final int THREADS = 8;
    static final int PER_THREAD = 50;

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    static void freshDatabase() {
        Api.deleteDirectory(DATA_DIR);
    }

    long count() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }

    void assertLinearChain(long entries) {
        assertThat(count()).isEqualTo(entries);
        assertThat(jdbc.queryForObject("select count(distinct seq) from audit_entry", Long.class)).isEqualTo(entries);
        assertThat(jdbc.queryForObject("select max(seq) from audit_entry", Long.class)).isEqualTo(entries);
        JsonNode v = new ApiClient(port).get("/api/audit/verify").json();
        assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.get("checked").asLong()).isEqualTo(entries);
    }

    @Test
    @Order(1)
    void parallel_appends_in_and_out_of_transactions_form_one_chain_and_rolled_back_ones_leave_nothing()
            throws Exception {
        long before = count();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                int appended = 0;
                for (int i = 0; i < PER_THREAD; i++) {
                    String target = "organization:T" + thread + "-" + i;
                    int n = i;
                    switch (i % 3) {
                        case 0 -> {
                            audit.record(AuditAction.ORGANIZATION_UPDATED, target, "outside a transaction", i);
                            appended++;
                        }
                        case 1 -> {
                            // two entries of one transaction, appended together at its commit
                            tx.executeWithoutResult(s -> {
                                audit.record(AuditAction.ORGANIZATION_UPDATED, target, "in a transaction", n);
                                audit.record(AuditAction.FACTS_UPDATED, target + "/facts/2026", "in a transaction", n);
                            });
                            appended += 2;
                        }
                        default -> tx.executeWithoutResult(s -> {
                            audit.record(AuditAction.ORGANIZATION_UPDATED, target, "rolled back", n);
                            s.setRollbackOnly();
                        });
                    }
                }
                return appended;
            }));
        }
        int appended = 0;
        for (Future<Integer> f : done) {
            appended += f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where summary = 'rolled back'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select actor from audit_entry where summary = 'outside a transaction'"
                + " fetch first 1 rows only", String.class)).isEqualTo("system");
        assertLinearChain(before + appended);
    }

    @Test
    @Order(2)
    void twenty_clients_posting_visits_while_an_evaluation_runs() throws Exception {
        ApiClient client = new ApiClient(port);
        client.importWorkedExample();
        long before = count();
        ExecutorService pool = Executors.newFixedThreadPool(21);
        List<Future<Integer>> statuses = new ArrayList<>();
        statuses.add(pool.submit(() -> client.post("/api/evaluations",
                "{\"period\":\"2026\",\"asOf\":\"2026-12-31\"}").status()));
        for (int c = 0; c < 20; c++) {
            String visit = """
                    {"visitId": "CC-%d", "orgCode": "V-SHIQIAO", "date": "2026-10-%02d", "mode": "COVERT",
                     "team": "第三督查组", "inspectors": ["赵六"], "findings": [{"item": "C02", "note": "无人值班"}]}"""
                    .formatted(c, c + 1);
            Callable<Integer> post = () -> new ApiClient(port).post("/api/visits", visit).status();
            statuses.add(pool.submit(post));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : statuses) {
            codes.add(f.get(3, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(codes.get(0)).isEqualTo(201);
        assertThat(codes.subList(1, codes.size())).containsOnly(201);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'VISIT_RECORDED'", Long.class))
                .isEqualTo(20);
        assertThat(jdbc.queryForList("select action from audit_entry where seq > ?", String.class, before))
                .filteredOn("EVALUATION_RUN"::equals).hasSize(1);
        assertLinearChain(before + 21);
    }
}
