package org.grassroots.assessment.server.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

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
                    (ps, group) -> setRows(ps, group, values));
        }
        if (whole < rows.size()) {
            jdbc.batchUpdate(sql(1), rows.subList(whole, rows.size()), BATCH_SIZE,
                    (ps, row) -> setRows(ps, List.of(row), values));
        }
    }

    /**
     * Inserts the rows as {@link #insert} does (joins the caller's transaction) and returns the id the
     * database generated for each, by the value of another column of it that is unique: both come back
     * as the statement's generated keys (H2 and PostgreSQL return them for every row of a multi-row
     * insert), so no row is matched to its id by its place in the statement.
     *
     * @param values    a row's parameters, in the order of the columns
     * @param idColumn  the generated column (a number)
     * @param keyColumn a unique column among those written (a string)
     * @return the generated id by the key column's value, one entry per row
     */
    // JdbcTemplate because JdbcClient has no batch API
    public <T> Map<String, Long> insertReturningIds(JdbcTemplate jdbc, List<T> rows, Function<T, Object[]> values,
            String idColumn, String keyColumn) {
        Map<String, Long> ids = new HashMap<>(rows.size() * 4 / 3 + 1);
        int whole = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        for (int from = 0; from < whole; from += BATCH_SIZE) {
            List<T> chunk = rows.subList(from, Math.min(whole, from + BATCH_SIZE));
            keyed(jdbc, chunk, ROWS_PER_STATEMENT, values, idColumn, keyColumn, ids);
        }
        if (whole < rows.size()) {
            keyed(jdbc, rows.subList(whole, rows.size()), 1, values, idColumn, keyColumn, ids);
        }
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("the database returned " + ids.size() + " generated ids for "
                    + rows.size() + " rows of " + table);
        }
        return ids;
    }

    /** One JDBC batch of {@code perStatement}-row statements (the rows divide into them), its keys into {@code ids}. */
    private <T> void keyed(JdbcTemplate jdbc, List<T> rows, int perStatement, Function<T, Object[]> values,
            String idColumn, String keyColumn, Map<String, Long> ids) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        String sql = sql(perStatement);
        jdbc.batchUpdate(con -> con.prepareStatement(sql, new String[] {idColumn, keyColumn}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        setRows(ps, rows.subList(i * perStatement, (i + 1) * perStatement), values);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size() / perStatement;
                    }
                }, keys);
        // the keys' maps ignore the case of the column names (H2 upper-cases them, PostgreSQL does not)
        for (Map<String, Object> row : keys.getKeyList()) {
            ids.put((String) row.get(keyColumn), ((Number) row.get(idColumn)).longValue());
        }
    }

    /** Sets the parameters of a statement's rows, row after row in the order of the columns. */
    private static <T> void setRows(PreparedStatement ps, List<T> rows, Function<T, Object[]> values) throws SQLException {
        int n = 0;
        for (T row : rows) {
            for (Object v : values.apply(row)) {
                ps.setObject(++n, v);
            }
        }
    }

    /** An insert of {@code rows} rows in one statement. */
    String sql(int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return "insert into " + table + " (" + String.join(", ", columns) + ") values "
                + String.join(", ", Collections.nCopies(rows, row));
    }
}
