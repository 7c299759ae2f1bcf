package org.grassroots.assessment.server.export;

import java.util.ArrayList;
import java.util.List;

/** Rows under columns: what every writer writes, whatever the format. */
public record Table<R>(List<Column<R>> columns, List<R> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    public List<CellValue> cells(R row) {
        List<CellValue> cells = new ArrayList<>(columns.size());
        for (Column<R> column : columns) {
            cells.add(column.valueOf(row));
        }
        return cells;
    }
}
