package org.grassroots.assessment.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.grassroots.assessment.server.DatabaseUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rows inserted several to a statement arrive whole and in their own columns, however many there are
 * (whole statements, a rest of single rows, or only the rest), and with their generated ids when asked;
 * on the application's migrated schema (H2, or PostgreSQL when the tests run on it).
 */
class BatchInsertRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 6, 8, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final BatchInsertRepository ORGANIZATIONS = new BatchInsertRepository("organization",
            List.of("code", "name", "type", "level", "parent_code", "has_party_groups", "latitude", "updated_at"));

    private JdbcClient jdbc;
    private JdbcTemplate batch;

    /** The PostgreSQL database of this test when the tests run on PostgreSQL, else null. */
    private String postgresql;

    @BeforeEach
    void database() throws SQLException {
        DataSource db;
        String vendor;
        String server = DatabaseUnderTest.server();
        if (server == null) {
            db = new DriverManagerDataSource("jdbc:h2:mem:batch-insert-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            vendor = "h2";
        } else {
            postgresql = "t_batch_insert_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + postgresql);
            }
            db = new DriverManagerDataSource(server.replaceFirst("^(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + postgresql));
            vendor = "postgresql";
        }
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load().migrate();
        jdbc = JdbcClient.create(db);
        batch = new JdbcTemplate(db);
    }

    @AfterEach
    void dropPostgresql() throws SQLException {
        if (postgresql != null) {
            try (Connection c = DriverManager.getConnection(DatabaseUnderTest.server()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + postgresql + " WITH (FORCE)");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, BatchInsertRepository.ROWS_PER_STATEMENT, 2 * BatchInsertRepository.ROWS_PER_STATEMENT + 37,
        BatchInsertRepository.BATCH_SIZE + BatchInsertRepository.ROWS_PER_STATEMENT + 1})
    void every_row_is_stored_with_its_own_values(int rows) {
        List<Integer> numbers = IntStream.range(0, rows).boxed().toList();

        ORGANIZATIONS.insert(batch, numbers, n -> new Object[] {String.format("O%05d", n), "组织" + n, "VILLAGE", "BRANCH",
            n == 0 ? null : "O00000", n % 2 == 0, n % 3 == 0 ? null : n / 4.0, NOW});

        List<String> stored = jdbc.sql("select code, name, parent_code, has_party_groups, latitude from organization order by code")
                .query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getBoolean(4)
                        + "|" + rs.getObject(5))
                .list();
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < rows; n++) {
            expected.add(String.format("O%05d", n) + "|组织" + n + "|" + (n == 0 ? null : "O00000") + "|" + (n % 2 == 0)
                    + "|" + (n % 3 == 0 ? null : n / 4.0));
        }
        assertThat(stored).isEqualTo(expected);
    }

    /** Rectification items, as an import opens them: each row's generated id comes back with its key. */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, BatchInsertRepository.ROWS_PER_STATEMENT, 2 * BatchInsertRepository.ROWS_PER_STATEMENT + 37,
        BatchInsertRepository.BATCH_SIZE + BatchInsertRepository.ROWS_PER_STATEMENT + 1,
        2 * BatchInsertRepository.BATCH_SIZE})
    void every_row_comes_back_with_its_generated_id_and_key(int rows) {
        ORGANIZATIONS.insert(batch, List.of(0), n -> new Object[] {"O1", "组织", "VILLAGE", "BRANCH", null, true, null, NOW});
        // ids already taken, so that the generated ones do not start at 1
        jdbc.sql("insert into rectification_item (item_key, org_code, source, rule, description, created_at)"
                + " values ('EARLIER', 'O1', 'STANDARD', 'S1', 'x', :now)").param("now", NOW).update();
        // keys whose order differs from the rows' order, so that an id matched by position would be wrong
        List<String> keys = IntStream.range(0, rows).mapToObj(n -> "K" + Integer.toString(n * 7919 % 10007, 36) + "-" + n)
                .toList();
        BatchInsertRepository items = new BatchInsertRepository("rectification_item",
                List.of("item_key", "org_code", "source", "rule", "period", "description", "created_at"));

        Map<String, Long> ids = items.insertReturningIds(batch, keys,
                k -> new Object[] {k, "O1", "INSPECTION", "C1", null, "项" + k, NOW}, "id", "item_key");

        Map<String, Long> stored = new HashMap<>();
        jdbc.sql("select item_key, id from rectification_item where item_key <> 'EARLIER'")
                .query(rs -> {
                    stored.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(stored).hasSize(rows);
        assertThat(ids).isEqualTo(stored);
        assertThat(jdbc.sql("select count(*) from rectification_item where period is null and description = '项' || item_key")
                .query(Long.class).single()).isEqualTo(rows + 0L);
    }

    @Test
    void a_statement_holds_the_rows_it_is_given() {
        assertThat(new BatchInsertRepository("t", List.of("a", "b")).sql(3))
                .isEqualTo("insert into t (a, b) values (?, ?), (?, ?), (?, ?)");
    }
}
