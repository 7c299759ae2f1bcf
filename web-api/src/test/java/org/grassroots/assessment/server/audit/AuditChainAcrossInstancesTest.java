package org.grassroots.assessment.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.importing.Servers;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the server (two application contexts, each with its own connection pool, on
 * random ports) appending to the audit trail of one database at once: the chain head's row lock
 * (taken in the database, not in the JVM) makes one linear chain, without gaps, duplicate positions
 * or broken links, and each instance verifies it.
 */
class AuditChainAcrossInstancesTest {

    static final String DATA_DIR = "target/test-data/audit-two-instances";
    static final int THREADS_PER_INSTANCE = 4;
    static final int PER_THREAD = 40;
    static final int VISITS_PER_INSTANCE = 10;

    @Test
    void appends_from_two_instances_at_once_form_one_chain() throws Exception {
        Api.deleteDirectory(DATA_DIR);
        try (ConfigurableApplicationContext first = Servers.start(DATA_DIR, false);
                ConfigurableApplicationContext second = Servers.start(DATA_DIR, false)) {
            Api one = Servers.api(first);
            Api two = Servers.api(second);
            assertThat(one.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            long before = jdbc.queryForObject("select count(*) from audit_entry", Long.class);

            ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE + 4);
            List<Future<Integer>> appended = new ArrayList<>();
            List<ConfigurableApplicationContext> instances = List.of(first, second);
            for (int n = 0; n < instances.size(); n++) {
                AuditTrail audit = instances.get(n).getBean(AuditTrail.class);
                TransactionTemplate tx = new TransactionTemplate(
                        instances.get(n).getBean(PlatformTransactionManager.class));
                for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                    String prefix = "organization:I" + n + "T" + t + "-";
                    appended.add(pool.submit(() -> {
                        int count = 0;
                        for (int i = 0; i < PER_THREAD; i++) {
                            int k = i;
                            if (i % 2 == 0) {
                                audit.record(AuditAction.ORGANIZATION_UPDATED, prefix + i, "outside a transaction", i);
                                count++;
                            } else {
                                tx.executeWithoutResult(s -> {
                                    audit.record(AuditAction.ORGANIZATION_UPDATED, prefix + k, "in a transaction", k);
                                    audit.record(AuditAction.FACTS_UPDATED, prefix + k + "/facts/2026",
                                            "in a transaction", k);
                                });
                                count += 2;
                            }
                        }
                        return count;
                    }));
                }
            }
            // and real requests to both instances: visits, each one audited in its write's transaction
            for (int n = 0; n < 2; n++) {
                Api api = n == 0 ? one : two;
                int instance = n;
                appended.add(pool.submit(() -> {
                    int count = 0;
                    for (int v = 0; v < VISITS_PER_INSTANCE; v++) {
                        String visit = """
                                {"visitId": "TWO-%d-%d", "orgCode": "V-SHIQIAO", "date": "2026-10-%02d",
                                 "mode": "COVERT", "team": "第三督查组", "inspectors": ["赵六"],
                                 "findings": [{"item": "C02", "note": "无人值班"}]}""".formatted(instance, v, v + 1);
                        Api.Reply r = api.post("/api/visits", visit);
                        assertThat(r.status()).as(r.body()).isEqualTo(201);
                        count++;
                    }
                    return count;
                }));
            }
            long total = before;
            for (Future<Integer> f : appended) {
                total += f.get(3, TimeUnit.MINUTES);
            }
            pool.shutdown();

            assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(total);
            assertThat(jdbc.queryForObject("select count(distinct seq) from audit_entry", Long.class)).isEqualTo(total);
            assertThat(jdbc.queryForObject("select max(seq) from audit_entry", Long.class)).isEqualTo(total);
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'VISIT_RECORDED'",
                    Long.class)).isEqualTo(2L * VISITS_PER_INSTANCE);
            for (Api api : List.of(one, two)) {
                JsonNode v = api.get("/api/audit/verify").json();
                assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
                assertThat(v.get("checked").asLong()).isEqualTo(total);
            }
        }
    }
}
