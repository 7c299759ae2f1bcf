package org.grassroots.assessment.server.importing.xlsx;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Turns the rows a {@link StreamingWorkbookReader} reports into the JSON bundle (docs/formats.md
 * section 1), written as it goes: organizations, period facts and members are streamed out row by
 * row; visits and their findings (two sheets that meet by the visit's id) are kept until the end.
 * It records where every value came from ({@link CellIndex}) and notes what it had to read
 * generously (warnings) or could not read (problems), each at its cell.
 */
final class WorkbookConversion implements StreamingWorkbookReader.Listener {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Warnings listed one by one; more are counted in one last warning. */
    static final int MAX_WARNINGS = 1000;

    private final WorkbookLayout layout;
    private final long maxRows;
    private final JsonGenerator json;
    private final CellIndex index = new CellIndex();
    private final List<CellNote> problems = new ArrayList<>();
    private final List<CellNote> warnings = new ArrayList<>();
    private final Map<String, List<CellRangeAddress>> merged = new HashMap<>();
    private int warningsLeftOut;
    private long rows;

    private final List<ObjectNode> visits = new ArrayList<>();
    private final List<PendingFinding> findings = new ArrayList<>();
    private CellIndex.SheetRecords visitRecords;
    private CellIndex.SheetRecords findingRecords;

    // the sheet being read
    private SheetLayout sheet;
    private String sheetName;
    private Map<Integer, Column> columns;
    private CellIndex.SheetRecords records;
    /** The sheet's columns in header order, as arrays (read for every row). */
    private int[] columnIndexes;
    private Column[] columnsRead;
    /** Whether no field of the sheet is a path ({@code location/lat}): its records are written field by field. */
    private boolean flat;
    /** The row's cells by column, reused row after row. */
    private RawCell[] byColumn = new RawCell[0];
    private boolean headerSeen;
    private int lastRow;
    private int emptySince;

    private record PendingFinding(String visitId, ObjectNode finding, int row, int visitIdColumn) {
    }

    WorkbookConversion(WorkbookLayout layout, long maxRows, OutputStream out) {
        this.layout = layout;
        this.maxRows = maxRows;
        this.json = JSON.createGenerator(out);
        json.writeStartObject();
    }

    CellIndex index() {
        return index;
    }

    List<CellNote> problems() {
        return problems;
    }

    List<CellNote> warnings() {
        List<CellNote> all = new ArrayList<>(warnings);
        if (warningsLeftOut > 0) {
            all.add(CellNote.workbook("另有 " + warningsLeftOut + " 条提示未逐条列出"));
        }
        return all;
    }

    Map<String, List<CellRangeAddress>> merged() {
        return merged;
    }

    @Override
    public boolean startSheet(String name) {
        if (name.equals(WorkbookLayout.NOTES) || name.equals(TemplateWriter.CHOICES_SHEET)) {
            return false;
        }
        SheetLayout found = layout.sheet(name.strip()).orElse(null);
        if (found == null) {
            warn(CellNote.at(name, 1, 0, "工作表“" + name + "”不是模板中的工作表，其内容未导入"));
            return false;
        }
        sheet = found;
        sheetName = name;
        columns = new LinkedHashMap<>();
        headerSeen = false;
        lastRow = 1;
        emptySince = 0;
        return true;
    }

    @Override
    public void row(int row, boolean hidden, List<RawCell> cells) {
        if (!headerSeen) {
            header(row, cells);
            return;
        }
        if (++rows > maxRows) {
            throw new StreamingWorkbookReader.StopReading("工作簿的数据行超过 " + maxRows + " 行的上限");
        }
        boolean empty = true;
        for (RawCell cell : cells) {
            if (columns.containsKey(cell.column()) && (!cell.blank() || cell.formula() || cell.type() == RawCell.Type.ERROR)) {
                empty = false;
                break;
            }
        }
        if (empty) {
            if (emptySince == 0) {
                emptySince = lastRow + 1;
            }
            return;
        }
        if (emptySince == 0 && row > lastRow + 1) {
            emptySince = lastRow + 1;
        }
        if (emptySince > 0) {
            int to = row - 1;
            warn(CellNote.at(sheetName, emptySince, 0, (emptySince == to ? "第 " + to + " 行" : "第 " + emptySince + "–" + to
                    + " 行") + "为空行，已跳过"));
            emptySince = 0;
        }
        lastRow = row;
        if (hidden) {
            warn(CellNote.at(sheetName, row, 0, "第 " + row + " 行是隐藏行，其数据已导入；如不应导入，请删除该行"));
        }
        record(row, cells);
    }

    private void header(int row, List<RawCell> cells) {
        headerSeen = true;
        Map<String, Integer> fieldColumns = new LinkedHashMap<>();
        if (row != 1) {
            problem(CellNote.at(sheetName, 1, 0, "第 1 行须为列名（可从模板复制），本工作表未导入"));
            columns = Map.of();
        } else {
            for (RawCell cell : cells) {
                if (cell.blank()) {
                    continue;
                }
                Column column = match(cell.text());
                if (column == null) {
                    warn(CellNote.at(sheetName, 1, cell.column(), "列“" + cell.text().strip() + "”不在模板中，该列未导入"));
                } else if (fieldColumns.containsKey(column.field())) {
                    problem(CellNote.at(sheetName, 1, cell.column(), "列“" + column.header() + "”重复（已在 "
                            + CellReference.convertNumToColString(fieldColumns.get(column.field())) + " 列）"));
                } else {
                    fieldColumns.put(column.field(), cell.column());
                    columns.put(cell.column(), column);
                }
            }
            int next = cells.isEmpty() ? 0 : cells.get(cells.size() - 1).column() + 1;
            for (Column column : sheet.columns()) {
                if (column.required() && !fieldColumns.containsKey(column.field())) {
                    problem(CellNote.at(sheetName, 1, next, "缺少必填列“" + column.header() + "”"));
                }
            }
        }
        records = new CellIndex.SheetRecords(sheetName, fieldColumns);
        columnIndexes = new int[columns.size()];
        columnsRead = new Column[columns.size()];
        flat = true;
        int i = 0;
        for (Map.Entry<Integer, Column> entry : columns.entrySet()) {
            columnIndexes[i] = entry.getKey();
            columnsRead[i++] = entry.getValue();
            flat &= entry.getValue().field().indexOf('/') < 0;
        }
        switch (sheet.section()) {
            case "visits" -> {
                visitRecords = records;
                index.section("visits", records);
            }
            case "findings" -> {
                findingRecords = records;
                index.findings(records);
            }
            default -> {
                index.section(sheet.section(), records);
                json.writeName(sheet.section());
                json.writeStartArray();
            }
        }
    }

    private Column match(String header) {
        String wanted = normalHeader(header);
        for (Column column : sheet.columns()) {
            if (normalHeader(column.header()).equals(wanted) || normalHeader(column.bareHeader()).equals(wanted)
                    || column.field().equalsIgnoreCase(wanted)) {
                return column;
            }
        }
        return null;
    }

    /** Spaces and full-width forms aside; "代码" read as "编码" (the word of templates made before 组织编码 was the one word). */
    private static String normalHeader(String text) {
        return CellValues.halfWidth(text).replaceAll("\\s+", "").replace("代码", "编码");
    }

    /** Where the reading of the cells of one row reports: at the row and the column being read. */
    private final class RowNotes implements CellValues.Notes {
        private final int row;
        int column;

        RowNotes(int row) {
            this.row = row;
        }

        @Override
        public void warn(String message) {
            WorkbookConversion.this.warn(CellNote.at(sheetName, row, column, message));
        }

        @Override
        public void refuse(String message) {
            problem(CellNote.at(sheetName, row, column, message));
        }
    }

    private void record(int row, List<RawCell> cells) {
        int width = 0;
        for (RawCell cell : cells) {
            width = Math.max(width, cell.column() + 1);
        }
        if (byColumn.length < width) {
            byColumn = new RawCell[Math.max(width, byColumn.length * 2)];
        }
        for (RawCell cell : cells) {
            byColumn[cell.column()] = cell;
        }
        try {
            record(row);
        } finally {
            for (RawCell cell : cells) {
                byColumn[cell.column()] = null;
            }
        }
    }

    private RawCell cellAt(int column) {
        return column < byColumn.length ? byColumn[column] : null;
    }

    private void record(int row) {
        RowNotes notes = new RowNotes(row);
        String section = sheet.section();
        if (flat && !section.equals("visits") && !section.equals("findings")) {
            // written as it is read: the same fields in the same order as the record object below
            records.add(row);
            json.writeStartObject();
            for (int i = 0; i < columnIndexes.length; i++) {
                notes.column = columnIndexes[i];
                JsonNode value = CellValues.read(columnsRead[i], cellAt(columnIndexes[i]), notes);
                if (value != null) {
                    json.writeName(columnsRead[i].field());
                    write(value);
                }
            }
            json.writeEndObject();
            return;
        }
        ObjectNode record = NODES.objectNode();
        for (int i = 0; i < columnIndexes.length; i++) {
            notes.column = columnIndexes[i];
            JsonNode value = CellValues.read(columnsRead[i], cellAt(columnIndexes[i]), notes);
            if (value != null) {
                put(record, columnsRead[i].field(), value);
            }
        }
        records.add(row);
        switch (section) {
            case "visits" -> visits.add(record);
            case "findings" -> {
                JsonNode visitId = record.remove("visitId");
                findings.add(new PendingFinding(visitId == null || !visitId.isString() ? null : visitId.stringValue(),
                        record, row, records.columns.getOrDefault("visitId", 0)));
            }
            default -> json.writeTree(record);
        }
    }

    /**
     * A cell's value, written as its node writes itself: a scalar directly (writing a tree looks
     * up a serializer for every value), a list as a tree.
     */
    private void write(JsonNode value) {
        if (value instanceof StringNode) {
            json.writeString(value.stringValue());
        } else if (value instanceof BooleanNode) {
            json.writeBoolean(value.booleanValue());
        } else if (value instanceof BigIntegerNode) {
            json.writeNumber(value.bigIntegerValue());
        } else if (value instanceof DecimalNode) {
            json.writeNumber(value.decimalValue());
        } else {
            json.writeTree(value);
        }
    }

    /** Sets a value at a field path below the record: {@code location/lat} makes the object location. */
    private static void put(ObjectNode record, String field, JsonNode value) {
        int slash = field.indexOf('/');
        if (slash < 0) {
            record.set(field, value);
            return;
        }
        String outer = field.substring(0, slash);
        ObjectNode inner = record.has(outer) ? (ObjectNode) record.get(outer) : record.putObject(outer);
        put(inner, field.substring(slash + 1), value);
    }

    @Override
    public void endSheet(String name, List<CellRangeAddress> regions) {
        if (!headerSeen) {
            return;
        }
        if (!sheet.section().equals("visits") && !sheet.section().equals("findings")) {
            json.writeEndArray();
        }
        for (CellRangeAddress region : regions) {
            if (region.getLastRow() >= 1) {
                merged.computeIfAbsent(name, k -> new ArrayList<>()).add(region);
                problem(CellNote.at(name, region.getFirstRow() + 1, region.getFirstColumn(), "合并单元格 "
                        + region.formatAsString() + "：导入时每行须分别填写，请取消合并并在每个单元格中填写"));
            }
        }
    }

    /** Writes the visits with their findings and closes the bundle. */
    void finish() {
        Map<String, Integer> visitIndex = new HashMap<>();
        for (int i = 0; i < visits.size(); i++) {
            JsonNode id = visits.get(i).get("visitId");
            if (id != null && id.isString()) {
                visitIndex.putIfAbsent(id.stringValue(), i);
            }
        }
        List<List<PendingFinding>> byVisit = new ArrayList<>();
        visits.forEach(v -> byVisit.add(new ArrayList<>()));
        for (PendingFinding f : findings) {
            Integer i = f.visitId() == null ? null : visitIndex.get(f.visitId());
            if (i == null) {
                problem(CellNote.at(findingRecords.sheet, f.row(), f.visitIdColumn(), f.visitId() == null
                        ? "必填：问题所属检查的编号" : "检查编号“" + f.visitId() + "”不在“" + WorkbookLayout.VISITS
                        + "”工作表中"));
            } else {
                byVisit.get(i).add(f);
            }
        }
        if (visitRecords != null || !findings.isEmpty()) {
            json.writeName("visits");
            json.writeStartArray();
            for (int i = 0; i < visits.size(); i++) {
                ObjectNode visit = visits.get(i);
                ArrayNode list = visit.putArray("findings");
                int[] rowsOfFindings = new int[byVisit.get(i).size()];
                for (int j = 0; j < rowsOfFindings.length; j++) {
                    list.add(byVisit.get(i).get(j).finding());
                    rowsOfFindings[j] = byVisit.get(i).get(j).row();
                }
                index.visitFindings(rowsOfFindings);
                json.writeTree(visit);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.close();
        // written: the import that reads the bundle holds it now; what is kept of the conversion
        // (problems, warnings, where each value came from) is small
        visits.clear();
        findings.clear();
    }

    private void problem(CellNote note) {
        problems.add(note);
    }

    private void warn(CellNote note) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(note);
        } else {
            warningsLeftOut++;
        }
    }
}
