package org.grassroots.assessment.server.organization;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replaces rows by key in JDBC batches, portably (H2 and PostgreSQL): the caller says which keys
 * exist already; those rows are updated, the others inserted.
 *
 * @param keyColumns   the primary key columns
 * @param valueColumns every other column written
 */
record Upsert(String table, List<String> keyColumns, List<String> valueColumns) {

    static final int BATCH_SIZE = 1000;

    Upsert {
        keyColumns = List.copyOf(keyColumns);
        valueColumns = List.copyOf(valueColumns);
    }

    /**
     * @param rows   the rows to write
     * @param exists whether a row's key is stored already
     * @param values a row's parameters: its key columns, then its value columns
     * @return how many rows were inserted (the rest were updated)
     */
    <T> int write(JdbcTemplate jdbc, List<T> rows, Predicate<T> exists, Function<T, Object[]> values) {
        List<T> updates = new ArrayList<>();
        List<T> inserts = new ArrayList<>();
        for (T row : rows) {
            (exists.test(row) ? updates : inserts).add(row);
        }
        if (!updates.isEmpty()) {
            int keys = keyColumns.size();
            jdbc.batchUpdate(updateSql(), updates, BATCH_SIZE, (ps, row) -> {
                Object[] v = values.apply(row);
                for (int i = keys; i < v.length; i++) {
                    set(ps, i - keys + 1, v[i]);
                }
                for (int i = 0; i < keys; i++) {
                    set(ps, v.length - keys + i + 1, v[i]);
                }
            });
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(insertSql(), inserts, BATCH_SIZE, (ps, row) -> {
                Object[] v = values.apply(row);
                for (int i = 0; i < v.length; i++) {
                    set(ps, i + 1, v[i]);
                }
            });
        }
        return inserts.size();
    }

    String insertSql() {
        List<String> all = new ArrayList<>(keyColumns);
        all.addAll(valueColumns);
        return "insert into " + table + " (" + String.join(", ", all) + ") values ("
                + String.join(", ", Collections.nCopies(all.size(), "?")) + ")";
    }

    String updateSql() {
        return "update " + table + " set " + valueColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
                + " where " + keyColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(" and "));
    }

    private static void set(PreparedStatement ps, int index, Object value) throws SQLException {
        ps.setObject(index, value);
    }
}
