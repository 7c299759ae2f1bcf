package org.grassroots.assessment.server.ruleset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.evaluation.ExplanationLine;
import org.grassroots.assessment.server.ruleset.WhatIfReport.Changed;
import org.grassroots.assessment.server.ruleset.WhatIfReport.LineChange;
import org.grassroots.assessment.server.ruleset.WhatIfReport.State;

/**
 * An impact notice as an Excel workbook: 影响通知 (one row per organization whose results change:
 * tier, rank and composite before and after, the rules whose lines change), 规则明细 (each changed
 * rule's lines before and after per organization) and 说明 (the version, its author, the set in force
 * it is compared with, the period and the notice's digest). The rows are the what-if's, unchanged.
 * Text never becomes a formula.
 */
final class ImpactNoticeXlsx {

    static final String NOTICE_SHEET = "影响通知";
    static final String LINES_SHEET = "规则明细";
    static final String NOTES_SHEET = "说明";
    static final List<String> HEADER = List.of("组织代码", "组织名称", "原等次", "新等次", "原排名", "新排名", "原综合得分",
            "新综合得分", "综合得分变化", "变化的规则");

    private ImpactNoticeXlsx() {
    }

    static byte[] write(ImpactNotice notice) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getProperties().getCoreProperties().setTitle("规则集 " + notice.version() + " 影响通知");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            writeNotice(wb.createSheet(NOTICE_SHEET), notice, bold, decimal);
            writeLines(wb.createSheet(LINES_SHEET), notice, bold);
            writeNotes(wb.createSheet(NOTES_SHEET), notice, bold);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNotice(Sheet sheet, ImpactNotice notice, CellStyle bold, CellStyle decimal) {
        text(sheet.createRow(0), 0, "规则集 " + notice.version() + "（版本 #" + notice.versionId() + "）与现行规则集 "
                + notice.baseVersion() + " 相比的影响（" + notice.period() + " 期间，截至 " + notice.asOf() + "）", bold);
        Row header = sheet.createRow(1);
        for (int c = 0; c < HEADER.size(); c++) {
            text(header, c, HEADER.get(c), bold);
        }
        sheet.createFreezePane(0, 2);
        int r = 2;
        if (notice.whatIf() == null) {
            text(sheet.createRow(r), 0, notice.noData(), null);
            return;
        }
        for (Changed c : notice.whatIf().changed()) {
            Row row = sheet.createRow(r++);
            State b = c.before();
            State a = c.after();
            text(row, 0, c.code(), null);
            text(row, 1, c.name(), null);
            text(row, 2, b == null ? "—" : b.tier().label(), null);
            text(row, 3, a == null ? "—" : a.tier().label(), null);
            number(row, 4, b == null ? null : (double) b.rank(), null);
            number(row, 5, a == null ? null : (double) a.rank(), null);
            number(row, 6, b == null ? null : b.composite(), decimal);
            number(row, 7, a == null ? null : a.composite(), decimal);
            number(row, 8, c.compositeChange(), decimal);
            text(row, 9, c.lines().stream().map(LineChange::rule).collect(Collectors.joining("、")), null);
        }
        if (r > 2) {
            sheet.setAutoFilter(new CellRangeAddress(1, r - 1, 0, HEADER.size() - 1));
        }
        sheet.setColumnWidth(1, 30 * 256);
        sheet.setColumnWidth(9, 40 * 256);
    }

    private static void writeLines(Sheet sheet, ImpactNotice notice, CellStyle bold) {
        Row header = sheet.createRow(0);
        List<String> columns = List.of("组织代码", "组织名称", "规则", "原得分", "新得分", "原说明", "新说明");
        for (int c = 0; c < columns.size(); c++) {
            text(header, c, columns.get(c), bold);
        }
        sheet.createFreezePane(0, 1);
        if (notice.whatIf() == null) {
            return;
        }
        int r = 1;
        for (Changed c : notice.whatIf().changed()) {
            for (LineChange l : c.lines()) {
                Row row = sheet.createRow(r++);
                text(row, 0, c.code(), null);
                text(row, 1, c.name(), null);
                text(row, 2, l.rule(), null);
                number(row, 3, points(l.before()), null);
                number(row, 4, points(l.after()), null);
                text(row, 5, reasons(l.before()), null);
                text(row, 6, reasons(l.after()), null);
            }
        }
        sheet.setColumnWidth(5, 50 * 256);
        sheet.setColumnWidth(6, 50 * 256);
    }

    private static void writeNotes(Sheet sheet, ImpactNotice notice, CellStyle bold) {
        Map<String, String> notes = new java.util.LinkedHashMap<>();
        notes.put("规则集版本", notice.version() + "（#" + notice.versionId() + "，" + notice.checksum() + "）");
        notes.put("起草人", notice.author());
        notes.put("对比的现行规则集", notice.baseVersion() + "（" + notice.baseChecksum() + "）");
        notes.put("考评期间", notice.period());
        notes.put("截至日期", String.valueOf(notice.asOf()));
        notes.put("影响通知摘要", notice.digest());
        if (notice.whatIf() != null) {
            notes.put("有变化的组织", String.valueOf(notice.whatIf().changed().size()));
            notes.put("综合得分变化的组织", String.valueOf(notice.whatIf().scoreShift().compositeChanged()));
            notes.put("等次分布（现行）", String.valueOf(notice.whatIf().tierCounts().get("before")));
            notes.put("等次分布（草稿）", String.valueOf(notice.whatIf().tierCounts().get("after")));
        } else {
            notes.put("说明", notice.noData());
        }
        int r = 0;
        for (Map.Entry<String, String> e : notes.entrySet()) {
            Row row = sheet.createRow(r++);
            text(row, 0, e.getKey(), bold);
            text(row, 1, e.getValue(), null);
        }
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 80 * 256);
    }

    private static Double points(List<ExplanationLine> lines) {
        return lines.isEmpty() ? null : lines.stream().mapToDouble(ExplanationLine::points).sum();
    }

    private static String reasons(List<ExplanationLine> lines) {
        return lines.stream().map(ExplanationLine::reason).collect(Collectors.joining("；"));
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(inert(value == null ? "" : value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, Double value, CellStyle style) {
        var cell = row.createCell(column);
        if (value == null) {
            cell.setCellValue("—");
            return;
        }
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Text a spreadsheet would read as a formula gets a leading apostrophe. */
    static String inert(String text) {
        String trimmed = text.stripLeading();
        if (!text.isEmpty() && (text.charAt(0) == '\t' || text.charAt(0) == '\r' || text.charAt(0) == '\n'
                || !trimmed.isEmpty() && "=+-@＝＋－＠".indexOf(trimmed.charAt(0)) >= 0)) {
            return "'" + text;
        }
        return text;
    }
}
