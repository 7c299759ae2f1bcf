package org.grassroots.assessment.server.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipFile;
import org.apache.commons.logging.Log;
import org.grassroots.assessment.server.DataDirectoryEnvironment;
import org.h2.tools.Restore;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code --assessment.restore-from=FILE}: before anything opens the database, extracts a backup
 * zip ({@code POST /api/admin/backup}) into the data directory as its H2 database; then the server
 * starts on it as usual (Flyway brings the schema up to date). It refuses, and the server does not
 * start, when the data directory holds a database already, when the file is not a backup of an H2
 * database, or when {@code spring.datasource.url} points elsewhere (PostgreSQL: pg_restore).
 * The files are extracted beside the database and moved into place, so a restore cut short leaves
 * no half database.
 */
public class RestoreFromBackup implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "assessment.restore-from";

    private final Log log;

    public RestoreFromBackup(DeferredLogFactory logs) {
        this.log = logs.getLog(RestoreFromBackup.class);
    }

    /** Before {@link DataDirectoryEnvironment} adds the H2 URL, so an explicit URL is the user's. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String from = environment.getProperty(PROPERTY);
        if (from == null || from.isBlank()) {
            return;
        }
        if (environment.getProperty("spring.datasource.url") != null) {
            throw new IllegalStateException(PROPERTY + " restores the embedded H2 database only; with"
                    + " spring.datasource.url set, restore with the database's own tools (PostgreSQL: pg_restore)");
        }
        Path zip = Path.of(from).toAbsolutePath().normalize();
        Path dir = DataDirectoryEnvironment.dataDirectory(environment);
        Path database = dir.resolve(DataDirectoryEnvironment.DATABASE + ".mv.db");
        if (Files.exists(database)) {
            throw new IllegalStateException("拒绝恢复：数据目录已有数据库 (refusing to restore " + zip + ": " + database
                    + " exists; restore into a new, empty data directory)");
        }
        check(zip);
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, ".restore-");
            Restore.execute(zip.toString(), staging.toString(), DataDirectoryEnvironment.DATABASE);
            Path restored = staging.resolve(DataDirectoryEnvironment.DATABASE + ".mv.db");
            if (!Files.exists(restored)) {
                throw new IllegalStateException(zip + " holds no H2 database");
            }
            Files.move(restored, database, StandardCopyOption.ATOMIC_MOVE);
            try (var left = Files.list(staging)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("restored " + zip + " into " + database);
    }

    private static void check(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no backup file " + zip);
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            if (file.stream().noneMatch(e -> e.getName().endsWith(".mv.db"))) {
                throw new IllegalStateException(zip + " is not a backup of an H2 database (no .mv.db inside)");
            }
        } catch (IOException e) {
            throw new IllegalStateException(zip + " is not a readable zip: " + e.getMessage(), e);
        }
    }
}
