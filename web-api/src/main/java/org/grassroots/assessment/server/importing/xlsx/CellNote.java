package org.grassroots.assessment.server.importing.xlsx;

import org.apache.poi.ss.util.CellReference;

/**
 * A problem or a warning about a workbook, where it is: the sheet, the row (1-based, as Excel shows
 * it), the column letter and the A1 reference; 0 and "" when it concerns the whole sheet or file.
 *
 * @param message what is wrong or what was done, in Chinese
 * @param path    the JSON Pointer of the bundle value the cell became, when there is one ("" else)
 * @param detail  the bundle reader's own (English) message, when the problem came from it ("" else)
 */
public record CellNote(String sheet, int row, String column, String cell, String message, String path,
                       String detail) {

    /** A note on a cell: row 1-based, column 0-based. */
    public static CellNote at(String sheet, int row, int column, String message) {
        String letter = CellReference.convertNumToColString(column);
        return new CellNote(sheet, row, letter, letter + row, message, "", "");
    }

    /** A note on the whole workbook. */
    public static CellNote workbook(String message) {
        return new CellNote("", 0, "", "", message, "", "");
    }

    CellNote withPath(String path, String detail) {
        return new CellNote(sheet, row, column, cell, message, path, detail);
    }

    /** 0-based column index, or -1. */
    int columnIndex() {
        return column.isEmpty() ? -1 : CellReference.convertColStringToIndex(column);
    }

    /** {@code 期间指标!S5}, for messages that point elsewhere. */
    String where() {
        return cell.isEmpty() ? sheet : sheet + "!" + cell;
    }
}
