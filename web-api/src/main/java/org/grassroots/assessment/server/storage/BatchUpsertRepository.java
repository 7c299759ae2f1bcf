package org.grassroots.assessment.server.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replaces rows by key in JDBC batches, portably (H2 and PostgreSQL): the caller gives the stored
 * row of each key; rows that changed are updated, new ones inserted, identical ones left alone (a
 * re-import of mostly the same data then costs a read, not hundreds of thousands of updates).
 *
 * @param keyColumns    the primary key columns
 * @param valueColumns  every other column written
 * @param versionColumn the optimistic-lock column of a table that Hibernate maps too (raised by one on
 *                      every update), or null
 */
public record BatchUpsertRepository(String table, List<String> keyColumns, List<String> valueColumns, String versionColumn) {

    public static final int BATCH_SIZE = 1000;

    public BatchUpsertRepository {
        keyColumns = List.copyOf(keyColumns);
        valueColumns = List.copyOf(valueColumns);
    }

    public BatchUpsertRepository(String table, List<String> keyColumns, List<String> valueColumns) {
        this(table, keyColumns, valueColumns, null);
    }

    /** The same writer for a table whose rows carry an optimistic-lock column. */
    public BatchUpsertRepository versionedBy(String column) {
        return new BatchUpsertRepository(table, keyColumns, valueColumns, column);
    }

    /**
     * @param rows   the rows to write
     * @param stored the stored row with a row's key, or null when there is none; a stored row equal
     *               to the new one is left as it is
     * @param values a row's parameters: its key columns, then its value columns
     * @return how many rows were inserted, updated and left unchanged
     */
    // JdbcTemplate because JdbcClient has no batch API; BATCH_SIZE rows per JDBC batch
    public <T> Written write(JdbcTemplate jdbc, List<T> rows, Function<T, T> stored, Function<T, Object[]> values) {
        List<T> updates = new ArrayList<>();
        List<T> inserts = new ArrayList<>();
        for (T row : rows) {
            T old = stored.apply(row);
            if (old == null) {
                inserts.add(row);
            } else if (!old.equals(row)) {
                updates.add(row);
            }
        }
        if (!updates.isEmpty()) {
            int keys = keyColumns.size();
            jdbc.batchUpdate(updateSql(), updates, BATCH_SIZE, (ps, row) -> {
                Object[] v = values.apply(row);
                for (int i = keys; i < v.length; i++) {
                    ps.setObject(i - keys + 1, v[i]);
                }
                for (int i = 0; i < keys; i++) {
                    ps.setObject(v.length - keys + i + 1, v[i]);
                }
            });
        }
        if (!inserts.isEmpty()) {
            List<String> all = new ArrayList<>(keyColumns);
            all.addAll(valueColumns);
            new BatchInsertRepository(table, all).insert(jdbc, inserts, values);
        }
        return new Written(inserts.size(), updates.size(), rows.size() - inserts.size() - updates.size());
    }

    /**
     * Whether the table holds more than {@code rows} rows (reads at most that many and one): the probe
     * of {@link StoredRowLookup#lookUp(int, java.util.function.IntPredicate)}.
     */
    public boolean moreStoredThan(JdbcClient jdbc, int rows) {
        return moreStoredThan(jdbc, rows, null, null);
    }

    /**
     * Whether the table holds more than {@code rows} rows whose {@code column} is {@code value} (all rows
     * when the column is null); reads at most that many and one.
     */
    public boolean moreStoredThan(JdbcClient jdbc, int rows, String column, Object value) {
        JdbcClient.StatementSpec probe = jdbc.sql("select 1 from " + table
                + (column == null ? "" : " where " + column + " = :value") + " offset :rows rows fetch next 1 rows only")
                .param("rows", rows);
        if (column != null) {
            probe = probe.param("value", value);
        }
        return probe.query(Integer.class).optional().isPresent();
    }

    /** What a write did. */
    public record Written(int inserted, int updated, int unchanged) {
    }

    String updateSql() {
        return "update " + table + " set " + valueColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
                + (versionColumn == null ? "" : ", " + versionColumn + " = " + versionColumn + " + 1")
                + " where " + keyColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(" and "));
    }
}
