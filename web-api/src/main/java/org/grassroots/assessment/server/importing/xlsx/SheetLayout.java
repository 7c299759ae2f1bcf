package org.grassroots.assessment.server.importing.xlsx;

import java.util.List;
import java.util.Optional;

/**
 * One sheet of the import workbook: one kind of record of the bundle.
 *
 * @param name    the sheet's Chinese name
 * @param section the bundle's array it fills ({@code organizations}); findings fill {@code visits}
 *                through their visit's id
 * @param meaning what one row is, for the 说明 sheet
 * @param columns in the order of the sheet
 */
public record SheetLayout(String name, String section, String meaning, List<Column> columns) {

    public SheetLayout {
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(String field) {
        return columns.stream().filter(c -> c.field().equals(field)).findFirst();
    }

    public int indexOf(String field) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field().equals(field)) {
                return i;
            }
        }
        return -1;
    }
}
