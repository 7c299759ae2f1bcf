package org.grassroots.assessment.server.importing.xlsx;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Visit;

/**
 * Records of the model as rows of their sheet, the cells as the import reads them back: choices
 * as their Chinese labels, booleans as 是/否, dates as dates, numbers as numbers, lists joined
 * with their column's separator. The column's field names the record component (or the path
 * through components: {@code location/lat}), so one table ({@link WorkbookLayout}) serves both
 * directions.
 */
final class RecordRows {

    private static final Map<String, String> ORGANIZATION_PATHS = Map.of("latitude", "location/lat",
            "longitude", "location/lon");

    private RecordRows() {
    }

    static List<Object> row(SheetLayout sheet, Record record) {
        List<Object> cells = new ArrayList<>(sheet.columns().size());
        for (Column column : sheet.columns()) {
            cells.add(cell(column, valueAt(record, column.field())));
        }
        return cells;
    }

    /** A finding's row: its visit's id first, then the finding's own columns. */
    static List<Object> findingRow(SheetLayout sheet, Visit visit, Finding finding) {
        List<Object> cells = new ArrayList<>(sheet.columns().size());
        for (Column column : sheet.columns()) {
            Object value = column.field().equals("visitId") ? visit.visitId() : valueAt(finding, column.field());
            cells.add(cell(column, value));
        }
        return cells;
    }

    private static Object cell(Column column, Object value) {
        if (value == null) {
            return null;
        }
        return switch (column.kind()) {
            case BOOLEAN -> column.labelOf(value.toString());
            case CHOICE -> column.labelOf(value instanceof Enum<?> e ? e.name() : value.toString());
            case TEXT_LIST -> value instanceof List<?> list ? (list.isEmpty() ? null : join(list, "、")) : value;
            case TEXT_LINES -> value instanceof List<?> list ? (list.isEmpty() ? null : join(list, "\n")) : value;
            case DATE -> value instanceof LocalDate ? value : value.toString();
            case INTEGER, NUMBER, RATE, MONEY -> value instanceof Number ? value : value.toString();
            default -> value.toString();
        };
    }

    private static String join(List<?> list, String separator) {
        return String.join(separator, list.stream().map(Object::toString).toList());
    }

    /**
     * The value at a path of record components, or null where a component on the way is null. An
     * organization's {@code latitude} and {@code longitude} (flat fields in the bundle) are the
     * record's {@code location/lat} and {@code location/lon}.
     */
    static Object valueAt(Object record, String path) {
        Object value = record;
        String components = record instanceof Organization ? ORGANIZATION_PATHS.getOrDefault(path, path) : path;
        for (String name : components.split("/")) {
            if (value == null) {
                return null;
            }
            value = component(value, name);
        }
        return value;
    }

    private static Object component(Object record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(record);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + record.getClass(), e);
                }
            }
        }
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + name);
    }
}
