package org.grassroots.assessment.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.grassroots.assessment.evaluation.Tier;

/**
 * The evaluation as an Excel workbook, streamed (SXSSF keeps only a window of rows in memory, so a
 * district of any size fits). Sheets:
 * <ul>
 * <li>定级排名 — a title line (period, as-of date, rule set version and checksum, published or not),
 *     the header row (bold, frozen, with an autofilter) and one row per organization in rank order,
 *     the columns of {@link ExportTables#RANKING}; scores are numbers formatted 0.00, 软弱涣散 in red;</li>
 * <li>分类统计 — the title line, then tier counts per type and per parent organization, each with a total;</li>
 * <li>整改台账 — the title line and the rectification list, {@link ExportTables#RECTIFICATIONS}, the
 *     items the ledger page lists for the same filters as of the evaluation's as-of date (open items
 *     of earlier periods included), overdue items in red;</li>
 * <li>说明 — the evaluation's facts ({@link ExportMetadata#entries}) and what each sheet holds.</li>
 * </ul>
 * Text is always written as string cells, never formulas, and formula-looking text is prefixed with an
 * apostrophe all the same ({@link FormulaGuard}), so that it stays inert when re-saved as CSV.
 */
public final class XlsxExporter implements EvaluationExporter {

    public static final String RANKING_SHEET = "定级排名";
    public static final String COUNTS_SHEET = "分类统计";
    public static final String RECTIFICATION_SHEET = "整改台账";
    public static final String NOTES_SHEET = "说明";

    /** Rows kept in memory per sheet before SXSSF flushes them to its temporary file. */
    private static final int WINDOW = 200;
    /** Excel's limit on the characters of one cell. */
    private static final int MAX_CELL_TEXT = 32_767;

    @Override
    public void write(EvaluationExport export, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, WINDOW, true)) {
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(
                    ExportMetadata.periodLabel(export.period()) + " 基层党组织考评结果");
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("基层党组织考评与明察暗访系统");
            XlsxStyles styles = XlsxStyles.create(wb);
            writeRanking(wb.createSheet(RANKING_SHEET), export, styles);
            writeCounts(wb.createSheet(COUNTS_SHEET), export, styles);
            writeRectifications(wb.createSheet(RECTIFICATION_SHEET), export, styles);
            writeNotes(wb.createSheet(NOTES_SHEET), export, styles);
            wb.write(out);
            out.flush();
        }
    }

    private static void writeRanking(Sheet sheet, EvaluationExport export, XlsxStyles styles) {
        Table<ExportTables.RankingRow> table = ExportTables.ranking(export);
        int last = writeListing(sheet, ExportMetadata.title(export, RANKING_SHEET), table, styles);
        highlight(sheet, table, "定级", "\"" + Tier.WEAK.label() + "\"", last);
    }

    private static void writeRectifications(Sheet sheet, EvaluationExport export, XlsxStyles styles) {
        Table<ExportTables.RectificationRow> table = ExportTables.rectifications(export);
        int last = writeListing(sheet, ExportMetadata.title(export, RECTIFICATION_SHEET), table, styles);
        highlight(sheet, table, "是否逾期", "\"是\"", last);
    }

    /** Title, frozen header with autofilter, rows; returns the index of the last row written. */
    private static <R> int writeListing(Sheet sheet, String title, Table<R> table, XlsxStyles styles) {
        widths(sheet, List.of(table));
        title(sheet, 0, title, table.columns().size(), styles);
        int r = header(sheet, 1, table, styles);
        for (R row : table.rows()) {
            cells(sheet.createRow(r++), table.cells(row), styles);
        }
        sheet.createFreezePane(0, 2);
        int lastRow = Math.max(1, r - 1);
        sheet.setAutoFilter(new CellRangeAddress(1, lastRow, 0, table.columns().size() - 1));
        return lastRow;
    }

    private static void writeCounts(Sheet sheet, EvaluationExport export, XlsxStyles styles) {
        Table<TierCount> byType = ExportTables.countsByType(export);
        Table<TierCount> byParent = ExportTables.countsByParent(export);
        widths(sheet, List.of(byType, byParent));
        title(sheet, 0, ExportMetadata.title(export, COUNTS_SHEET), byParent.columns().size(), styles);
        int next = countTable(sheet, 2, "按组织类型", byType, styles);
        countTable(sheet, next + 1, "按上级组织（乡镇、街道）", byParent, styles);
    }

    private static int countTable(Sheet sheet, int r, String caption, Table<TierCount> table, XlsxStyles styles) {
        Cell c = sheet.createRow(r).createCell(0);
        c.setCellValue(caption);
        c.setCellStyle(styles.subtitle());
        r = header(sheet, r + 1, table, styles);
        for (TierCount row : table.rows()) {
            Row x = sheet.createRow(r++);
            cells(x, table.cells(row), styles);
            if (TierCount.TOTAL.equals(row.name())) {
                x.forEach(cell -> cell.setCellStyle(styles.total()));
            }
        }
        return r;
    }

    private static void writeNotes(Sheet sheet, EvaluationExport export, XlsxStyles styles) {
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 80 * 256);
        title(sheet, 0, ExportMetadata.periodLabel(export.period()) + " 基层党组织考评结果", 2, styles);
        int r = 2;
        for (ExportMetadata.Entry e : ExportMetadata.entries(export)) {
            pair(sheet.createRow(r++), e.label(), e.value(), styles);
        }
        r++;
        pair(sheet.createRow(r++), RANKING_SHEET,
                "全部参评组织按排名排列：三力（凝聚力、魅力、战斗力）、综合得分、明察暗访得分、定级及软弱涣散情形、称号、标记、晋位升级，以及类型内、上级组织内排名。", styles);
        pair(sheet.createRow(r++), COUNTS_SHEET, "各定级的组织数：按组织类型，按上级组织（乡镇、街道）。", styles);
        pair(sheet.createRow(r++), RECTIFICATION_SHEET, "与整改台账页面在相同筛选条件下、按截至日期列出的事项一致：截至日期时除已撤销外的整改事项（待整改、待核验、已销号），"
                + "含以前考核期未销号的事项（备注“上期遗留”），列明考核期、整改期限、是否逾期和整改编号。", styles);
        pair(sheet.createRow(r), "说明", "得分均由规则版本所列的规则集计算；每项得分的依据见系统中该组织的考评明细。", styles);
    }

    private static void pair(Row row, String label, String value, XlsxStyles styles) {
        Cell l = row.createCell(0);
        l.setCellValue(label);
        l.setCellStyle(styles.label());
        text(row.createCell(1), value, styles);
    }

    private static void title(Sheet sheet, int r, String text, int columns, XlsxStyles styles) {
        Row row = sheet.createRow(r);
        row.setHeightInPoints(22);
        Cell c = row.createCell(0);
        text(c, text, styles);
        c.setCellStyle(styles.title());
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
        }
    }

    private static int header(Sheet sheet, int r, Table<?> table, XlsxStyles styles) {
        Row row = sheet.createRow(r);
        List<String> headers = table.headers();
        for (int i = 0; i < headers.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(styles.header());
        }
        return r + 1;
    }

    private static void cells(Row row, List<CellValue> values, XlsxStyles styles) {
        for (int i = 0; i < values.size(); i++) {
            CellValue v = values.get(i);
            Cell c = row.createCell(i);
            if (v instanceof CellValue.Text t) {
                text(c, t.value(), styles);
            } else if (v instanceof CellValue.Decimal d) {
                c.setCellValue(Double.parseDouble(d.formatted()));
                c.setCellStyle(styles.decimal());
            } else if (v instanceof CellValue.Whole n) {
                c.setCellValue(n.value());
                c.setCellStyle(styles.whole());
            } else if (v instanceof CellValue.Day d) {
                c.setCellValue(d.value());
                c.setCellStyle(styles.day());
            } else {
                c.setCellStyle(styles.text());
            }
        }
    }

    /** A string cell, never a formula; neutralized and cut to Excel's limit. */
    private static void text(Cell c, String value, XlsxStyles styles) {
        String safe = FormulaGuard.neutralize(value);
        c.setCellValue(safe.length() > MAX_CELL_TEXT ? safe.substring(0, MAX_CELL_TEXT) : safe);
        c.setCellStyle(styles.text());
    }

    private static void widths(Sheet sheet, List<Table<?>> tables) {
        List<Integer> widths = new ArrayList<>();
        for (Table<?> table : tables) {
            for (int i = 0; i < table.columns().size(); i++) {
                int w = table.columns().get(i).width();
                if (i < widths.size()) {
                    widths.set(i, Math.max(widths.get(i), w));
                } else {
                    widths.add(w);
                }
            }
        }
        for (int i = 0; i < widths.size(); i++) {
            sheet.setColumnWidth(i, widths.get(i) * 256);
        }
    }

    /** Red text where the column's value equals the given literal (a conditional format, not a formula cell). */
    private static void highlight(Sheet sheet, Table<?> table, String header, String literal, int lastRow) {
        int col = table.headers().indexOf(header);
        if (col < 0 || lastRow < 2) {
            return;
        }
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(ComparisonOperator.EQUAL, literal);
        rule.createFontFormatting().setFontColorIndex(IndexedColors.RED.getIndex());
        formatting.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(2, lastRow, col, col)}, rule);
    }
}
