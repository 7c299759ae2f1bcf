package org.grassroots.assessment.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.importing.Servers;
import org.grassroots.assessment.server.DatabaseUnderTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A backup taken through {@code POST /api/admin/backup} while the server runs, restored with
 * {@code --assessment.restore-from} into a new data directory, serves the same organizations and
 * the same stored evaluation, to the byte; a restore over an existing database is refused. On
 * PostgreSQL, where backups are the database's own (pg_dump, pg_restore), both refuse with that advice.
 */
class BackupRestoreTest {

    static final String DATA_DIR = "target/test-data/backup-original";
    static final String RESTORED_DIR = "target/test-data/backup-restored";

    @Test
    void a_backup_restores_into_a_new_data_directory_with_the_same_data() throws Exception {
        Assumptions.assumeFalse(DatabaseUnderTest.postgresql(),
                "online backup and restore are the embedded H2 database's (BACKUP TO); PostgreSQL: pg_dump");
        Api.deleteDirectory(DATA_DIR);
        Api.deleteDirectory(RESTORED_DIR);
        String organizations;
        String evaluation;
        String evaluations;
        String rankings;
        Path zip;
        try (ConfigurableApplicationContext original = Servers.start(DATA_DIR, false)) {
            ApiClient client = new ApiClient(Servers.port(original));
            Api api = Servers.api(original);
            client.importWorkedExample();
            client.evaluate("2025", null);
            long id = client.evaluate("2026", "2026-12-31");

            Api.Reply made = api.post("/api/admin/backup", "");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            JsonNode backup = made.json();
            String name = backup.get("name").asString();
            assertThat(name).matches("assessment-\\d{8}-\\d{6}-\\d{3}\\.zip");
            assertThat(made.location()).endsWith("/api/admin/backups/" + name);
            zip = Path.of(DATA_DIR, "backups", name);
            assertThat(backup.get("size").asLong()).isEqualTo(Files.size(zip)).isPositive();
            assertThat(backup.get("sha256").asString()).isEqualTo(BackupService.sha256(zip));
            assertThat(Files.readString(Path.of(DATA_DIR, "backups", name + ".sha256")))
                    .isEqualTo(backup.get("sha256").asString() + "  " + name + "\n");

            JsonNode listed = api.get("/api/admin/backups").json();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("sha256").asString()).isEqualTo(backup.get("sha256").asString());
            assertThat(listed.get(0).get("createdAt").asString()).isEqualTo(backup.get("createdAt").asString());
            Api.Reply download = api.get("/api/admin/backups/" + name);
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.contentType()).isEqualTo("application/zip");
            assertThat(api.get("/api/admin/backups/assessment-20260101-000000-000.zip").status()).isEqualTo(404);
            assertThat(api.get("/api/admin/backups/..%2Fassessment.mv.db").status()).isIn(400, 404);

            // written after the backup: not in it
            assertThat(api.post("/api/visits", """
                    {"visitId": "MC-2026-900", "orgCode": "V-HONGQI", "date": "2026-11-02", "mode": "OPEN",
                     "team": "第一督查组", "inspectors": ["王明"], "findings": [{"item": "C05"}]}""").status())
                    .isEqualTo(201);

            organizations = api.get("/api/organizations?flat=true").body();
            evaluation = api.get("/api/evaluations/" + id).body();
            evaluations = api.get("/api/evaluations").body();
            rankings = api.get("/api/rankings?period=2026").body();
        }

        try (ConfigurableApplicationContext restored = Servers.start(RESTORED_DIR, false,
                "--assessment.restore-from=" + zip.toAbsolutePath())) {
            Api api = Servers.api(restored);
            assertThat(api.get("/api/organizations?flat=true").body()).isEqualTo(organizations);
            assertThat(api.get("/api/evaluations").body()).isEqualTo(evaluations);
            long id = api.get("/api/evaluations").json().get(0).get("id").asLong();
            assertThat(api.get("/api/evaluations/" + id).body()).isEqualTo(evaluation);
            assertThat(api.get("/api/rankings?period=2026").body()).isEqualTo(rankings);
            assertThat(api.get("/api/visits/MC-2026-900").status()).as("posted after the backup").isEqualTo(404);
            assertThat(api.get("/api/visits/MC-2026-001").status()).isEqualTo(200);
        }

        assertThatThrownBy(() -> Servers.start(RESTORED_DIR, false, "--assessment.restore-from=" + zip.toAbsolutePath()))
                .hasStackTraceContaining("refusing to restore");
    }

    @Test
    void on_postgresql_backup_and_restore_point_to_pg_dump_and_pg_restore() {
        Assumptions.assumeTrue(DatabaseUnderTest.postgresql(), "the PostgreSQL path of backup and restore");
        Api.deleteDirectory(DATA_DIR);
        try (ConfigurableApplicationContext server = Servers.start(DATA_DIR, false)) {
            Api.Reply refused = Servers.api(server).post("/api/admin/backup", "");
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains("pg_dump");
            assertThat(Path.of(DATA_DIR, "backups")).doesNotExist();
        }
        Api.deleteDirectory(RESTORED_DIR);
        assertThatThrownBy(() -> Servers.start(RESTORED_DIR, false, "--assessment.restore-from=backup.zip"))
                .hasStackTraceContaining("pg_restore");
    }
}
