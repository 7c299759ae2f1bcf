package org.grassroots.assessment.server.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows into one table, {@link #ROWS_PER_STATEMENT} to a statement
 * ({@code insert … values (…), (…), …}) and the rest one to a statement, in JDBC batches of about
 * {@link #BATCH_SIZE} rows; portable (H2 and PostgreSQL). H2 runs every statement of a JDBC batch as
 * a statement of its own (its start and end, a savepoint, the table's maps looked up), once per row
 * when every statement holds one row (10k import, 3 runs each under heavy load: median server CPU 70 s, 66 s now).
 */
public final class BatchInsertRepository {

    /** Rows a JDBC batch carries. */
    public static final int BATCH_SIZE = 1000;
    /** Rows of one statement (PostgreSQL takes at most 65,535 parameters a statement). */
    public static final int ROWS_PER_STATEMENT = 100;

    private final String table;
    private final List<String> columns;

    /**
     * @param table   the table
     * @param columns the columns written, in the order of the values of a row
     */
    public BatchInsertRepository(String table, List<String> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /**
     * Inserts the rows (joins the caller's transaction).
     *
     * @param values a row's parameters, in the order of the columns
     */
    // JdbcTemplate because JdbcClient has no batch API
    public <T> void insert(JdbcTemplate jdbc, List<T> rows, Function<T, Object[]> values) {
        int whole = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (whole > 0) {
            List<List<T>> groups = new ArrayList<>(whole / ROWS_PER_STATEMENT);
            for (int from = 0; from < whole; from += ROWS_PER_STATEMENT) {
                groups.add(rows.subList(from, from + ROWS_PER_STATEMENT));
            }
            jdbc.batchUpdate(sql(ROWS_PER_STATEMENT), groups, Math.max(1, BATCH_SIZE / ROWS_PER_STATEMENT),
                    (ps, group) -> {
                        int n = 0;
                        for (T row : group) {
                            for (Object v : values.apply(row)) {
                                ps.setObject(++n, v);
                            }
                        }
                    });
        }
        if (whole < rows.size()) {
            jdbc.batchUpdate(sql(1), rows.subList(whole, rows.size()), BATCH_SIZE, (ps, row) -> {
                int n = 0;
                for (Object v : values.apply(row)) {
                    ps.setObject(++n, v);
                }
            });
        }
    }

    /** An insert of {@code rows} rows in one statement. */
    String sql(int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return "insert into " + table + " (" + String.join(", ", columns) + ") values "
                + String.join(", ", Collections.nCopies(rows, row));
    }
}
