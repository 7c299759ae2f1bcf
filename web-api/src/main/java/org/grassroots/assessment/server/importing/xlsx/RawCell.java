package org.grassroots.assessment.server.importing.xlsx;

/**
 * One cell as the workbook stores it, before it is read as a value of its column.
 *
 * @param column   0-based column index
 * @param text     the value: a number in plain decimal notation with every digit stored, an ISO
 *                 date for a date-formatted number, {@code TRUE}/{@code FALSE}, the text, or the
 *                 error code ({@code #DIV/0!})
 * @param type     what kind of value the cell holds
 * @param formula  whether the cell holds a formula (its cached result is {@code text})
 * @param timeOfDay for a date, whether it also carries a time of day
 */
public record RawCell(int column, String text, Type type, boolean formula, boolean timeOfDay) {

    public enum Type { NUMBER, DATE, STRING, BOOLEAN, ERROR }

    public boolean blank() {
        return text == null || text.isBlank();
    }
}
