package org.grassroots.assessment.server.importing.xlsx;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The uploaded workbook handed back with its problems on it, so that the town can fix its own
 * file: every cell with a problem filled red and the problem as the cell's comment, every cell
 * with a warning filled yellow with the warning as comment, and a first sheet 导入问题 listing
 * them all (also those of no cell). The workbook is read whole for this, so only workbooks up to
 * {@link WorkbookLimits#annotateMaxBytes()} are annotated; the import itself reads streaming.
 */
final class WorkbookAnnotator {

    static final String PROBLEMS_SHEET = "导入问题";
    private static final String AUTHOR = "考评系统";

    private WorkbookAnnotator() {
    }

    static void annotate(File workbook, List<CellNote> problems, List<CellNote> warnings, OutputStream out)
            throws IOException {
        try (InputStream in = Files.newInputStream(workbook.toPath()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Map<String, CellStyle> styles = new HashMap<>();
            for (CellNote note : warnings) {
                mark(wb, note, IndexedColors.LIGHT_YELLOW, "提示：", styles);
            }
            for (CellNote note : problems) {
                mark(wb, note, IndexedColors.RED, "问题：", styles);
            }
            list(wb, problems, warnings);
            wb.write(out);
        }
    }

    private static void mark(XSSFWorkbook wb, CellNote note, IndexedColors colour, String kind,
                             Map<String, CellStyle> styles) {
        Sheet sheet = note.sheet().isEmpty() ? null : wb.getSheet(note.sheet());
        if (sheet == null || note.row() < 1 || note.columnIndex() < 0) {
            return;
        }
        Row row = sheet.getRow(note.row() - 1) != null ? sheet.getRow(note.row() - 1) : sheet.createRow(note.row() - 1);
        Cell cell = row.getCell(note.columnIndex()) != null ? row.getCell(note.columnIndex())
                : row.createCell(note.columnIndex());
        CellStyle original = cell.getCellStyle();
        String key = original.getIndex() + ":" + colour.name();
        CellStyle filled = styles.computeIfAbsent(key, k -> {
            CellStyle style = wb.createCellStyle();
            style.cloneStyleFrom(original);
            style.setFillForegroundColor(colour.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        });
        cell.setCellStyle(filled);
        Comment comment = cell.getCellComment();
        String text = kind + note.message();
        CreationHelper factory = wb.getCreationHelper();
        if (comment != null) {
            comment.setString(factory.createRichTextString(comment.getString().getString() + "\n" + text));
            return;
        }
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = factory.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex());
        anchor.setCol2(cell.getColumnIndex() + 4);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 4);
        comment = drawing.createCellComment(anchor);
        comment.setString(factory.createRichTextString(text));
        comment.setAuthor(AUTHOR);
        cell.setCellComment(comment);
    }

    private static void list(XSSFWorkbook wb, List<CellNote> problems, List<CellNote> warnings) {
        String name = PROBLEMS_SHEET;
        for (int n = 2; wb.getSheet(name) != null; n++) {
            name = PROBLEMS_SHEET + n;
        }
        Sheet sheet = wb.createSheet(name);
        wb.setSheetOrder(name, 0);
        wb.setActiveSheet(0);
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            wb.getSheetAt(i).setSelected(i == 0);
        }
        String[] headers = {"类型", "工作表", "单元格", "说明"};
        Row head = sheet.createRow(0);
        for (int c = 0; c < headers.length; c++) {
            head.createCell(c).setCellValue(headers[c]);
        }
        sheet.setColumnWidth(0, 8 * 256);
        sheet.setColumnWidth(1, 14 * 256);
        sheet.setColumnWidth(2, 10 * 256);
        sheet.setColumnWidth(3, 90 * 256);
        int r = 1;
        for (CellNote note : problems) {
            line(sheet.createRow(r++), "问题", note);
        }
        for (CellNote note : warnings) {
            line(sheet.createRow(r++), "提示", note);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void line(Row row, String kind, CellNote note) {
        row.createCell(0).setCellValue(kind);
        row.createCell(1).setCellValue(note.sheet());
        row.createCell(2).setCellValue(note.cell());
        row.createCell(3).setCellValue(note.message());
    }
}
