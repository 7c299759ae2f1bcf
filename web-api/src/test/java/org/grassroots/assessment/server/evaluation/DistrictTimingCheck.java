package org.grassroots.assessment.server.evaluation;

import org.grassroots.assessment.server.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Timing of a large district, not part of the build (run it with
 * {@code mvn -pl web-api test -Dtest=DistrictTimingCheck -Dorgs=10000}): import, evaluate and store
 * 2025 and 2026, read the stored result, and re-evaluate one organization many times
 * ({@code -Dreuse=true} keeps the database of the previous run and skips the import).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + DistrictTimingCheck.DATA_DIR, "assessment.demo=false"})
class DistrictTimingCheck {

    static final String DATA_DIR = "target/test-data/evaluation-timing";
    static final int ORGS = Integer.getInteger("orgs", 10_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void freshDatabase() {
        if (!Boolean.getBoolean("reuse")) {
            ApiClient.deleteDataDir(DATA_DIR);
        }
    }

    @Test
    void times_a_large_district() throws Exception {
        Path bundle = Path.of("target/test-data/district-" + ORGS + ".json");
        if (!Files.exists(bundle)) {
            new SyntheticBundleGenerator(ORGS, 42).write(bundle);
        }
        HttpClient http = HttpClient.newHttpClient();
        long t = System.nanoTime();
        if (jdbc.queryForObject("select count(*) from organization", Integer.class) == 0) {
            importBundle(http, bundle);
        }
        report("import", t);
        times(new ApiClient(port));
    }

    private void importBundle(HttpClient http, Path bundle) throws Exception {
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import")).header("Authorization", TestUsers.admin())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofFile(bundle)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    private void times(ApiClient api) {
        long t = System.nanoTime();
        api.evaluate("2025", null);
        report("evaluate 2025 (previous period on the fly)", t);
        t = System.nanoTime();
        long id = api.evaluate("2026", "2026-12-31");
        report("evaluate 2026 (first, creates the ledger)", t);
        t = System.nanoTime();
        api.evaluate("2026", "2026-12-31");
        report("evaluate 2026 again", t);
        t = System.nanoTime();
        assertThat(api.get("/api/evaluations/" + id).status()).isEqualTo(200);
        report("GET the stored evaluation", t);
        t = System.nanoTime();
        assertThat(api.get("/api/rankings?period=2026&scope=type&type=VILLAGE&page=3&size=50").status()).isEqualTo(200);
        report("GET a ranking page", t);
        t = System.nanoTime();
        assertThat(api.get("/api/rectifications?overdue=true&size=100").status()).isEqualTo(200);
        report("GET overdue rectifications", t);

        List<String> codes = jdbc.queryForList("select org_code from period_facts where period = '2026'", String.class);
        Random random = new Random(1);
        for (int i = 0; i < 50; i++) {
            api.get("/api/organizations/" + codes.get(random.nextInt(codes.size())) + "/result?period=2026");
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long s = System.nanoTime();
            ApiClient.Response r = api.get("/api/organizations/" + codes.get(random.nextInt(codes.size()))
                    + "/result?period=2026");
            micros.add((System.nanoTime() - s) / 1000);
            assertThat(r.status()).isEqualTo(200);
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("TIMING one organization: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", sorted[100] / 1000.0,
                sorted[189] / 1000.0, sorted[199] / 1000.0);
        System.out.println("TIMING " + Arrays.toString(new int[] {codes.size()}) + " organizations");
    }

    private static void report(String what, long started) {
        System.out.printf("TIMING %s: %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
    }
}
