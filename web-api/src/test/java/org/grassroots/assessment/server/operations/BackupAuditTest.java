package org.grassroots.assessment.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.grassroots.assessment.server.AssessmentProperties;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A backup file never exists without its audit entry: when the entry cannot be appended, no backup
 * is left behind; the entry is committed before the zip gets its name; what an interrupted backup
 * left behind ({@code .part} files, a checksum without its zip) is removed at start and before the
 * next backup.
 */
class BackupAuditTest {

    static final String DATA_DIR = "target/test-data/backup-audit";

    private final AuditTrail audit = mock(AuditTrail.class);
    private JdbcTemplate jdbc;
    private Path backups;

    @BeforeEach
    void emptyDatabase() {
        Api.deleteDirectory(DATA_DIR);
        Path db = Path.of(DATA_DIR, "db").toAbsolutePath();
        jdbc = new JdbcTemplate(new SingleConnectionDataSource("jdbc:h2:file:" + db + ";DB_CLOSE_DELAY=-1", "sa", "",
                true));
        jdbc.execute("create table if not exists t (id int primary key)");
        jdbc.execute("merge into t values (1)");
        backups = Path.of(DATA_DIR, "backups").toAbsolutePath();
    }

    private BackupService service() {
        return new BackupService(new BackupRepository(JdbcClient.create(jdbc), jdbc.getDataSource()),
                new AssessmentProperties(Path.of(DATA_DIR), false, null, null),
                Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC), audit);
    }

    private List<String> files() throws IOException {
        if (!Files.isDirectory(backups)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(backups)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_backup_whose_audit_entry_fails_leaves_no_file() throws Exception {
        doThrow(new IllegalStateException("the audit chain is locked"))
                .when(audit).record(eq(AuditAction.BACKUP_CREATED), anyString(), anyString(), any());
        BackupService service = service();
        assertThatThrownBy(service::backup).hasMessageContaining("audit chain");
        assertThat(files()).isEmpty();
        assertThat(service.list()).isEmpty();
    }

    @Test
    void the_audit_entry_is_committed_before_the_backup_gets_its_name() throws Exception {
        doAnswer(call -> {
            assertThat(files()).as("files while the audit entry is appended")
                    .noneMatch(n -> n.endsWith(".zip") || n.endsWith(".zip.sha256"));
            return null;
        }).when(audit).record(eq(AuditAction.BACKUP_CREATED), anyString(), anyString(), any());
        BackupFile backup = service().backup();
        verify(audit).record(eq(AuditAction.BACKUP_CREATED), eq("backup:" + backup.name()), anyString(), eq(backup));
        assertThat(files()).containsExactly(backup.name(), backup.name() + ".sha256");
        assertThat(BackupService.sha256(backups.resolve(backup.name()))).isEqualTo(backup.sha256());
    }

    @Test
    void leftovers_of_an_interrupted_backup_are_removed_at_start_and_before_a_backup() throws Exception {
        Files.createDirectories(backups);
        Files.writeString(backups.resolve("assessment-20261201-080000-000.zip.part"), "half a zip");
        Files.writeString(backups.resolve("assessment-20261201-080000-000.zip.sha256.part"), "half a sum");
        Files.writeString(backups.resolve("assessment-20261202-080000-000.zip.sha256"), "a sum without its zip");
        Files.writeString(backups.resolve("notes.txt"), "the operator's own file");
        BackupService service = service();
        service.removeUnfinished();
        assertThat(files()).containsExactly("notes.txt");

        Files.writeString(backups.resolve("assessment-20261203-080000-000.zip.part"), "half a zip");
        BackupFile backup = service.backup();
        assertThat(files()).containsExactly(backup.name(), backup.name() + ".sha256", "notes.txt");
    }
}
