package org.grassroots.assessment.server.export;

import java.util.function.Function;

/**
 * One column of an exported table: its Chinese header, its width in Excel character units, and
 * how a row gives its cell. CSV and XLSX both write from the same columns, so they cannot drift.
 */
public record Column<R>(String header, int width, Function<R, CellValue> cell) {

    public CellValue valueOf(R row) {
        CellValue value = cell.apply(row);
        return value == null ? CellValue.BLANK : value;
    }
}
