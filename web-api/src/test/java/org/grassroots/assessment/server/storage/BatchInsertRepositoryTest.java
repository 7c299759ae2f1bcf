package org.grassroots.assessment.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rows inserted several to a statement arrive whole and in their own columns, however many there are
 * (whole statements, a rest of single rows, or only the rest); on the application's migrated schema.
 */
class BatchInsertRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 6, 8, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final BatchInsertRepository ORGANIZATIONS = new BatchInsertRepository("organization",
            List.of("code", "name", "type", "level", "parent_code", "has_party_groups", "latitude", "updated_at"));

    private JdbcClient jdbc;
    private JdbcTemplate batch;

    @BeforeEach
    void database() {
        DataSource db = new DriverManagerDataSource("jdbc:h2:mem:batch-insert-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        jdbc = JdbcClient.create(db);
        batch = new JdbcTemplate(db);
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

    @Test
    void a_statement_holds_the_rows_it_is_given() {
        assertThat(new BatchInsertRepository("t", List.of("a", "b")).sql(3))
                .isEqualTo("insert into t (a, b) values (?, ?), (?, ?), (?, ?)");
    }
}
