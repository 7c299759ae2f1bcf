package org.grassroots.assessment.server.importing.xlsx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value of the bundle made from a workbook came from: the row of every record and the
 * column of every field, so that a problem's JSON Pointer names its cell again
 * ({@code /periodFacts/3/floatingMembersInContact} → 期间指标!S5).
 */
final class CellIndex {

    /** One sheet's records: their rows in bundle order and the column of each field. */
    static final class SheetRecords {
        final String sheet;
        final Map<String, Integer> columns;
        private int[] rows = new int[64];
        private int size;

        SheetRecords(String sheet, Map<String, Integer> columns) {
            this.sheet = sheet;
            this.columns = columns;
        }

        void add(int row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
            }
            rows[size++] = row;
        }

        int size() {
            return size;
        }

        int row(int index) {
            return index >= 0 && index < size ? rows[index] : -1;
        }
    }

    private final Map<String, SheetRecords> sections = new HashMap<>();
    /** For each visit (bundle order), the rows of its findings in order. */
    private final List<int[]> findingRows = new ArrayList<>();
    private SheetRecords findings;

    void section(String section, SheetRecords records) {
        sections.put(section, records);
    }

    void findings(SheetRecords records) {
        this.findings = records;
    }

    void visitFindings(int[] rows) {
        findingRows.add(rows);
    }

    /** The cell a JSON Pointer of the bundle points to, or empty when it is the whole bundle or unknown. */
    Optional<CellNote> locate(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = path.substring(1).split("/", -1);
        SheetRecords records = sections.get(parts[0]);
        if (records == null) {
            return Optional.empty();
        }
        if (parts.length < 2 || !isIndex(parts[1])) {
            return Optional.of(CellNote.at(records.sheet, 1, 0, ""));
        }
        int index = Integer.parseInt(parts[1]);
        int row = records.row(index);
        if (row < 0) {
            return Optional.empty();
        }
        int from = 2;
        if ("visits".equals(parts[0]) && parts.length >= 4 && "findings".equals(parts[2]) && isIndex(parts[3])
                && findings != null && index < findingRows.size()) {
            int position = Integer.parseInt(parts[3]);
            int[] rows = findingRows.get(index);
            if (position < rows.length) {
                records = findings;
                row = rows[position];
                from = 4;
            }
        }
        return Optional.of(CellNote.at(records.sheet, row, column(records, parts, from), ""));
    }

    /** The column of the longest field path that the sheet has, else column A (the record as a whole). */
    private static int column(SheetRecords records, String[] parts, int from) {
        for (int end = parts.length; end > from; end--) {
            String field = String.join("/", Arrays.copyOfRange(parts, from, end));
            Integer column = records.columns.get(field);
            if (column != null) {
                return column;
            }
        }
        return 0;
    }

    /** Whether a field of a section has a column in its sheet. */
    boolean hasColumn(String path) {
        String[] parts = path.isEmpty() ? new String[0] : path.substring(1).split("/", -1);
        if (parts.length < 3) {
            return true;
        }
        SheetRecords records = sections.get(parts[0]);
        int from = 2;
        if ("visits".equals(parts[0]) && parts.length >= 5 && "findings".equals(parts[2])) {
            records = findings;
            from = 4;
        }
        if (records == null) {
            return true;
        }
        for (int end = parts.length; end > from; end--) {
            if (records.columns.containsKey(String.join("/", Arrays.copyOfRange(parts, from, end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIndex(String part) {
        return !part.isEmpty() && part.length() < 10 && part.chars().allMatch(Character::isDigit);
    }
}
