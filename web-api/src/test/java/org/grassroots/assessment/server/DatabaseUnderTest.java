package org.grassroots.assessment.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the test suite on PostgreSQL when {@code ASSESSMENT_TEST_DATABASE} (environment) or
 * {@code assessment.test.database} (system property) holds the JDBC URL of a PostgreSQL server's
 * maintenance database, e.g. {@code jdbc:postgresql://127.0.0.1:55432/postgres?user=assessment}
 * ({@code .ci/postgres.sh start} prints one); without it the tests use the embedded H2 database.
 *
 * <p>Every test server works on its own data directory ({@code assessment.data-dir}); on PostgreSQL
 * it gets its own database, named from that directory, so tests stay as isolated as on H2: a data
 * directory without this class's marker file (new, or deleted by the test to start afresh) gets a new
 * empty database, and a server restarted on the same directory (restart tests) finds the same one.
 *
 * <p>Runs before {@link org.grassroots.assessment.server.operations.RestoreFromBackup} and
 * {@link DataDirectoryEnvironment}, as an explicit {@code --spring.datasource.url} would.
 */
public class DatabaseUnderTest implements EnvironmentPostProcessor, Ordered {

    static final String VARIABLE = "ASSESSMENT_TEST_DATABASE";
    static final String PROPERTY = "assessment.test.database";
    static final String MARKER = "postgresql-test-database";

    /** The maintenance database's URL when the tests run on PostgreSQL, else {@code null}. */
    public static String server() {
        String url = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        return url == null || url.isBlank() ? null : url.trim();
    }

    /** Whether the tests run on PostgreSQL (for the few tests of H2-only features). */
    public static boolean postgresql() {
        return server() != null;
    }

    @Override
    public int getOrder() {
        // after application.properties are read (ConfigData at +10), before RestoreFromBackup (+100)
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String server = server();
        if (server == null || environment.getProperty("spring.datasource.url") != null) {
            return;
        }
        if (!server.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException(VARIABLE + " must be a jdbc:postgresql:// URL, not " + server);
        }
        Path dir = DataDirectoryEnvironment.dataDirectory(environment);
        String database = databaseName(dir);
        Path marker = dir.resolve(MARKER);
        boolean fresh = !Files.exists(marker);
        try (Connection connection = DriverManager.getConnection(server)) {
            boolean exists;
            try (var query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                exists = query.executeQuery().next();
            }
            try (var statement = connection.createStatement()) {
                if (exists && fresh) {
                    statement.execute("DROP DATABASE \"" + database + "\" WITH (FORCE)");
                }
                if (!exists || fresh) {
                    statement.execute("CREATE DATABASE \"" + database + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test database " + database + " on " + server, e);
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(marker, database + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = server.replaceFirst("^(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + database);
        // first: above application.properties' H2 user name (the URL carries the PostgreSQL role).
        // A test run keeps many Spring contexts cached (up to 32 per test JVM, two JVMs per module),
        // each with its pool: an idle context keeps one connection, not ten, so that they stay within
        // the cluster's max_connections (.ci/postgres.sh); a busy one still grows to the usual ten.
        environment.getPropertySources().addFirst(new MapPropertySource("assessment-test-database", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "",
                "spring.datasource.password", "",
                "spring.datasource.hikari.minimum-idle", "1",
                "spring.datasource.hikari.idle-timeout", "10000")));
    }

    /** {@code t_<last part of the directory>_<hash of the whole path>}: readable, unique, under 63 bytes. */
    static String databaseName(Path dir) {
        String name = dir.getFileName() == null ? "root" : dir.getFileName().toString();
        String readable = name.toLowerCase().replaceAll("[^a-z0-9]+", "_");
        if (readable.length() > 40) {
            readable = readable.substring(0, 40);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(dir.toString().getBytes(StandardCharsets.UTF_8));
            return "t_" + readable + "_" + HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
