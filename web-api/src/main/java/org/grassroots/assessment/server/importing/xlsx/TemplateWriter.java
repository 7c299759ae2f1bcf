package org.grassroots.assessment.server.importing.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.Visit;

/**
 * Writes the import workbook: one sheet per {@link SheetLayout} with a frozen header row, Excel
 * data validation on every column (lists in Chinese for choices and 是/否, date cells, whole and
 * decimal numbers within the format's bounds, text format for codes and periods), then the
 * 说明 sheet and the hidden 选项 sheet that holds the lists. Streamed (SXSSF), so an export of a
 * whole district is written a window of rows at a time.
 */
public final class TemplateWriter {

    /** The sheet holding the validation lists; hidden, and skipped by the import. */
    public static final String CHOICES_SHEET = "选项";
    /** The first row of data (1-based); row 1 is the header. */
    public static final int FIRST_DATA_ROW = 2;

    private static final int WINDOW = 500;
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

    private final WorkbookLayout layout;
    private final RuleReaders rules;

    public TemplateWriter(WorkbookLayout layout, RuleReaders rules) {
        this.layout = layout;
        this.rules = rules;
    }

    /** Rows of values for one sheet, in column order: String, Number, Boolean, LocalDate or null. */
    @FunctionalInterface
    public interface SheetRows {
        void each(java.util.function.Consumer<List<Object>> row);
    }

    /**
     * @param data rows per sheet name; a sheet without rows is left empty (the template)
     * @param title the workbook's title property
     */
    public void write(OutputStream out, Map<String, SheetRows> data, String title) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, WINDOW, true)) {
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(title);
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("基层党组织考评与明察暗访系统");
            Styles styles = Styles.create(wb);
            for (SheetLayout sheet : layout.sheets()) {
                wb.createSheet(sheet.name());
            }
            writeNotes(wb.createSheet(WorkbookLayout.NOTES), styles);
            Sheet choices = wb.createSheet(CHOICES_SHEET);
            int choiceColumn = 0;
            for (SheetLayout sheetLayout : layout.sheets()) {
                Sheet sheet = wb.getSheet(sheetLayout.name());
                choiceColumn = header(sheet, sheetLayout, choices, choiceColumn, styles);
                SheetRows rows = data.get(sheetLayout.name());
                if (rows != null) {
                    writeRows(sheet, sheetLayout, rows, styles);
                }
            }
            wb.setSheetHidden(wb.getSheetIndex(CHOICES_SHEET), true);
            wb.setActiveSheet(0);
            wb.write(out);
            out.flush();
        }
    }

    /** The workbook of a bundle's records: the template filled, one row per record (findings after their visit's). */
    public void write(OutputStream out, Bundle bundle, String title) throws IOException {
        Map<String, SheetRows> data = new java.util.HashMap<>();
        rows(data, WorkbookLayout.ORGANIZATIONS, bundle.organizations());
        rows(data, WorkbookLayout.PERIOD_FACTS, bundle.periodFacts());
        rows(data, WorkbookLayout.MEMBERS, bundle.members());
        rows(data, WorkbookLayout.VISITS, bundle.visits());
        SheetLayout findings = layout.sheet(WorkbookLayout.FINDINGS).orElseThrow();
        data.put(WorkbookLayout.FINDINGS, sink -> {
            for (Visit visit : bundle.visits()) {
                for (Finding finding : visit.findings()) {
                    sink.accept(RecordRows.findingRow(findings, visit, finding));
                }
            }
        });
        write(out, data, title);
    }

    private void rows(Map<String, SheetRows> data, String sheetName, List<? extends Record> records) {
        SheetLayout sheet = layout.sheet(sheetName).orElseThrow();
        data.put(sheetName, sink -> records.forEach(r -> sink.accept(RecordRows.row(sheet, r))));
    }

    private int header(Sheet sheet, SheetLayout sheetLayout, Sheet choices, int choiceColumn, Styles styles) {
        Row header = sheet.createRow(0);
        header.setHeightInPoints(36);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int nextChoice = choiceColumn;
        for (int c = 0; c < sheetLayout.columns().size(); c++) {
            Column column = sheetLayout.columns().get(c);
            Cell cell = header.createCell(c);
            cell.setCellValue(column.header());
            cell.setCellStyle(column.required() ? styles.required : styles.header);
            sheet.setColumnWidth(c, Math.min(255, Math.max(10, column.header().length() * 2 + 4)) * 256);
            sheet.setDefaultColumnStyle(c, styles.forKind(column.kind()));
            DataValidationConstraint constraint = constraint(helper, column, choices, nextChoice);
            if (column.kind() == ColumnKind.CHOICE || column.kind() == ColumnKind.BOOLEAN) {
                nextChoice++;
            }
            if (constraint != null) {
                DataValidation validation = helper.createValidation(constraint,
                        new CellRangeAddressList(FIRST_DATA_ROW - 1, LAST_ROW, c, c));
                validation.setShowErrorBox(true);
                validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                validation.createErrorBox("输入不符合要求", column.meaning());
                validation.setShowPromptBox(true);
                validation.createPromptBox(column.bareHeader(), column.meaning());
                validation.setEmptyCellAllowed(!column.required());
                sheet.addValidationData(validation);
            }
        }
        sheet.createFreezePane(0, 1);
        return nextChoice;
    }

    private static DataValidationConstraint constraint(DataValidationHelper helper, Column column, Sheet choices,
                                                       int choiceColumn) {
        switch (column.kind()) {
            case CHOICE, BOOLEAN -> {
                List<Choice> list = column.choices();
                for (int i = 0; i < list.size(); i++) {
                    Row row = choices.getRow(i) != null ? choices.getRow(i) : choices.createRow(i);
                    row.createCell(choiceColumn).setCellValue(list.get(i).label());
                }
                String letter = CellReference.convertNumToColString(choiceColumn);
                return helper.createFormulaListConstraint("'" + CHOICES_SHEET + "'!$" + letter + "$1:$" + letter + "$"
                        + list.size());
            }
            case INTEGER -> {
                return helper.createIntegerConstraint(OperatorType.BETWEEN, number(column.min(), -2147483648d),
                        number(column.max(), 2147483647d));
            }
            case NUMBER, MONEY -> {
                return helper.createDecimalConstraint(OperatorType.BETWEEN, number(column.min(), -1e15),
                        number(column.max(), 1e15));
            }
            case RATE -> {
                return helper.createDecimalConstraint(OperatorType.BETWEEN, "0", "1");
            }
            case DATE -> {
                return helper.createDateConstraint(OperatorType.BETWEEN, "DATE(1900,1,1)", "DATE(2999,12,31)", null);
            }
            default -> {
                return null;
            }
        }
    }

    private static String number(Double value, double fallback) {
        double v = value == null ? fallback : value;
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void writeRows(Sheet sheet, SheetLayout sheetLayout, SheetRows rows, Styles styles) {
        int[] next = {FIRST_DATA_ROW - 1};
        rows.each(values -> {
            Row row = sheet.createRow(next[0]++);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                Column column = sheetLayout.columns().get(c);
                cell.setCellStyle(styles.forKind(column.kind()));
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value instanceof LocalDate d) {
                    cell.setCellValue(d);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        });
    }

    private void writeNotes(Sheet sheet, Styles styles) {
        String[] intro = {
            "基层党组织考评数据导入模板",
            "每种记录一张工作表（组织、期间指标、党员、明察暗访、发现问题），第 1 行为列名（带单位），数据从第 2 行起，每行一条记录；不用的工作表可以留空。",
            "蓝底列名为必填列；“是/否”和带下拉列表的列请从列表中选择；日期请填日期单元格（如 2026-05-20）；比率填 0–1 之间的小数或百分数。",
            "导入时全部校验通过才写入（全部或全不）；每个问题都标明工作表、单元格和原因，也可下载标红并带批注的原工作簿进行修改。",
            "下表说明每一列的含义、取值要求和读取该数据的规则编号（由当前生效的规则集推导）。"};
        int r = 0;
        for (String line : intro) {
            Row row = sheet.createRow(r++);
            Cell cell = row.createCell(0);
            cell.setCellValue(line);
            cell.setCellStyle(r == 1 ? styles.title : styles.text);
        }
        r++;
        String[] headers = {"工作表", "列", "列名", "必填", "取值要求", "含义", "读取此数据的规则"};
        Row head = sheet.createRow(r++);
        for (int c = 0; c < headers.length; c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(headers[c]);
            cell.setCellStyle(styles.header);
        }
        int[] widths = {12, 6, 30, 6, 30, 60, 30};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        for (SheetLayout sheetLayout : layout.sheets()) {
            for (int c = 0; c < sheetLayout.columns().size(); c++) {
                Column column = sheetLayout.columns().get(c);
                Row row = sheet.createRow(r++);
                String[] cells = {sheetLayout.name(), CellReference.convertNumToColString(c), column.header(),
                    column.required() ? "是" : "否", valueText(column), column.meaning(), ruleText(column)};
                for (int i = 0; i < cells.length; i++) {
                    Cell cell = row.createCell(i);
                    cell.setCellValue(cells[i]);
                    cell.setCellStyle(styles.text);
                }
            }
        }
        sheet.createFreezePane(0, intro.length + 2);
    }

    static String valueText(Column column) {
        return switch (column.kind()) {
            case CODE -> "编码：字母、数字、“_”或“-”";
            case TEXT -> "文本";
            case PERIOD -> "期间：2026 或 2026-Q1";
            case INTEGER -> "整数" + range(column);
            case NUMBER -> "数值" + range(column);
            case RATE -> "0–1 之间的小数";
            case MONEY -> "金额（元），最多 2 位小数，不小于 0";
            case BOOLEAN -> "是 / 否";
            case CHOICE -> "从下拉列表选择：" + String.join("、", column.choices().stream().map(Choice::label).toList());
            case DATE -> "日期";
            case TEXT_LIST -> "多个值用“、”或换行分隔";
            case TEXT_LINES -> "每行一个（单元格内换行：Alt+Enter）";
        };
    }

    private static String range(Column column) {
        if (column.min() == null) {
            return "";
        }
        String min = number(column.min(), 0);
        return column.max() == null || column.max() >= Integer.MAX_VALUE ? "，不小于 " + min
                : "，" + min + "–" + number(column.max(), 0);
    }

    private String ruleText(Column column) {
        SortedSet<String> ids = rules.of(column.factType(), column.factField());
        if (!ids.isEmpty()) {
            return String.join("、", ids);
        }
        return column.factType() == null ? "—（标识或记录信息，不直接计分）" : "—（当前规则集不读取）";
    }

    /** The few styles of the workbook (Excel limits their number, so they are made once). */
    private record Styles(CellStyle header, CellStyle required, CellStyle title, CellStyle text, CellStyle textFormat,
                          CellStyle whole, CellStyle decimal, CellStyle day) {

        static Styles create(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle required = wb.createCellStyle();
            required.cloneStyleFrom(header);
            required.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            CellStyle title = wb.createCellStyle();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title.setFont(big);
            CellStyle text = wb.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle textFormat = wb.createCellStyle();
            textFormat.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle whole = wb.createCellStyle();
            whole.setDataFormat(wb.createDataFormat().getFormat("0"));
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("General"));
            CellStyle day = wb.createCellStyle();
            day.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            return new Styles(header, required, title, text, textFormat, whole, decimal, day);
        }

        CellStyle forKind(ColumnKind kind) {
            return switch (kind) {
                case CODE, PERIOD, TEXT, TEXT_LIST, TEXT_LINES, CHOICE, BOOLEAN -> textFormat;
                case INTEGER -> whole;
                case NUMBER, RATE, MONEY -> decimal;
                case DATE -> day;
            };
        }
    }
}
