package org.grassroots.assessment.server.importing.xlsx;

import java.util.List;

/**
 * One column of a sheet of the import workbook.
 *
 * @param field       the member of the bundle record it fills, as a JSON Pointer below the record
 *                    ({@code studyAttendanceRate}, {@code location/lat}, {@code rectification/status})
 * @param header      the Chinese header, with the unit in brackets where there is one
 * @param kind        how a cell is read
 * @param required    whether the bundle requires the value (an empty cell is then a problem)
 * @param min         the smallest value the bundle format allows, or null (for the template's data
 *                    validation; the bundle reader decides)
 * @param max         the largest, or null
 * @param choices     the values of a {@link ColumnKind#CHOICE} column, else empty
 * @param meaning     what the column means, for the 说明 sheet
 * @param factType    the model record the rules see this value on ({@code PeriodFacts}), or null for
 *                    values no rule reads
 * @param factField   that record's component, or null
 */
public record Column(String field, String header, ColumnKind kind, boolean required, Double min, Double max,
                     List<Choice> choices, String meaning, String factType, String factField) {

    public Column {
        choices = List.copyOf(choices);
    }

    /** The label of a bundle value of a choice column, or the value itself when it has none. */
    public String labelOf(String value) {
        for (Choice c : choices) {
            if (c.value().equals(value)) {
                return c.label();
            }
        }
        return value;
    }

    /** The unit-free part of the header: {@code 支部党员大会} of {@code 支部党员大会（次）}. */
    public String bareHeader() {
        int bracket = header.indexOf('（');
        return bracket < 0 ? header : header.substring(0, bracket);
    }
}
