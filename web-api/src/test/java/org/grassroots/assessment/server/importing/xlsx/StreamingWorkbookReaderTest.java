package org.grassroots.assessment.server.importing.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sheet reader gives every kind of cell the text, type and marks the import reads: shared and
 * inline strings (runs joined, phonetic runs left out, Excel's escapes decoded), numbers exactly as
 * stored, dates by their format, booleans, errors, formulas with and without a saved result;
 * hidden rows, merged regions, and a DOCTYPE refused.
 */
class StreamingWorkbookReaderTest {

    @TempDir
    Path dir;

    /** What the reader reported, sheet by sheet. */
    private static final class Recorded implements StreamingWorkbookReader.Listener {
        final Map<String, Map<Integer, List<RawCell>>> rows = new LinkedHashMap<>();
        final Map<String, List<Integer>> hidden = new LinkedHashMap<>();
        final Map<String, List<CellRangeAddress>> merged = new LinkedHashMap<>();
        private String sheet;

        @Override
        public boolean startSheet(String name) {
            sheet = name;
            rows.put(name, new LinkedHashMap<>());
            hidden.put(name, new ArrayList<>());
            return !name.equals("skipped");
        }

        @Override
        public void row(int row, boolean isHidden, List<RawCell> cells) {
            rows.get(sheet).put(row, cells);
            if (isHidden) {
                hidden.get(sheet).add(row);
            }
        }

        @Override
        public void endSheet(String name, List<CellRangeAddress> regions) {
            merged.put(name, regions);
        }

        RawCell cell(String sheetName, int row, int column) {
            return rows.get(sheetName).get(row).stream().filter(c -> c.column() == column).findFirst().orElseThrow();
        }
    }

    @Test
    void readsEveryKindOfCellOfASavedWorkbook() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("cells");
            XSSFCellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            XSSFCellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            XSSFCellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            XSSFRow row = sheet.createRow(0);
            row.createCell(0).setCellValue("党员编号");
            row.createCell(1).setCellValue(42);
            row.createCell(2).setCellValue(0.1 + 0.2);
            row.createCell(3).setCellValue(-12345678.25);
            row.createCell(4).setCellValue(LocalDate.of(2026, 3, 15));
            row.getCell(4).setCellStyle(date);
            row.createCell(5).setCellValue(LocalDateTime.of(2026, 3, 15, 9, 30));
            row.getCell(5).setCellStyle(dateTime);
            row.createCell(6).setCellValue(true);
            row.createCell(7).setCellErrorValue(FormulaError.DIV0);
            row.createCell(8).setCellValue(0.92);
            row.getCell(8).setCellStyle(percent);
            XSSFRow formulas = sheet.createRow(2);
            formulas.createCell(0).setCellFormula("1+1");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(formulas.getCell(0));
            formulas.createCell(1).setCellFormula("2*3"); // never calculated: no saved result
            formulas.createCell(2).setCellFormula("\"甲\"&\"乙\"");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(formulas.getCell(2));
            XSSFRow hidden = sheet.createRow(3);
            hidden.createCell(0).setCellValue("隐藏");
            hidden.setZeroHeight(true);
            sheet.createRow(4).createCell(0).setCellValue("合并");
            sheet.addMergedRegion(new CellRangeAddress(4, 5, 0, 1));
            wb.createSheet("skipped").createRow(0).createCell(0).setCellValue("不读");
            bytes = bytes(wb);
        }
        Recorded read = read(bytes);

        assertThat(read.rows.get("cells").keySet()).containsExactly(1, 3, 4, 5);
        assertThat(read.cell("cells", 1, 0)).isEqualTo(new RawCell(0, "党员编号", RawCell.Type.STRING, false, false));
        assertThat(read.cell("cells", 1, 1)).isEqualTo(new RawCell(1, "42", RawCell.Type.NUMBER, false, false));
        assertThat(read.cell("cells", 1, 2).text()).isEqualTo("0.30000000000000004"); // every digit stored
        assertThat(read.cell("cells", 1, 3).text()).isEqualTo("-12345678.25");
        assertThat(read.cell("cells", 1, 4)).isEqualTo(new RawCell(4, "2026-03-15", RawCell.Type.DATE, false, false));
        assertThat(read.cell("cells", 1, 5)).isEqualTo(new RawCell(5, "2026-03-15", RawCell.Type.DATE, false, true));
        assertThat(read.cell("cells", 1, 6)).isEqualTo(new RawCell(6, "TRUE", RawCell.Type.BOOLEAN, false, false));
        assertThat(read.cell("cells", 1, 7)).isEqualTo(new RawCell(7, "#DIV/0!", RawCell.Type.ERROR, false, false));
        assertThat(read.cell("cells", 1, 8)).isEqualTo(new RawCell(8, "0.92", RawCell.Type.NUMBER, false, false));
        assertThat(read.cell("cells", 3, 0)).isEqualTo(new RawCell(0, "2", RawCell.Type.NUMBER, true, false));
        assertThat(read.cell("cells", 3, 1)).isEqualTo(new RawCell(1, null, RawCell.Type.ERROR, true, false));
        assertThat(read.cell("cells", 3, 2)).isEqualTo(new RawCell(2, "甲乙", RawCell.Type.STRING, true, false));
        assertThat(read.hidden.get("cells")).containsExactly(4);
        assertThat(read.merged.get("cells")).extracting(CellRangeAddress::formatAsString).containsExactly("A5:B6");
        assertThat(read.rows.get("skipped")).isEmpty();
    }

    @Test
    void readsInlineStringsAsTheStreamingWriterAndHandsWriteThem() throws Exception {
        byte[] bytes;
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            var row = wb.createSheet("cells").createRow(0);
            row.createCell(0).setCellValue("第一行\r\n第二行");
            row.createCell(1).setCellValue(" 前后有空格 ");
            bytes = bytes(wb);
        }
        // runs and a phonetic run as Excel writes them into an inline string
        bytes = replaceSheet(bytes, xml -> xml.replace("</row>", "<c r=\"C1\" t=\"inlineStr\"><is><r><t>组织</t></r>"
                + "<r><rPr><b/></rPr><t>编码</t></r><rPh sb=\"0\" eb=\"2\"><t>ソシキ</t></rPh></is></c>"
                + "<c r=\"D1\" t=\"inlineStr\"><is><t>回车_x000D_换行</t></is></c></row>"));
        Recorded read = read(bytes);

        assertThat(read.cell("cells", 1, 0).text()).isEqualTo("第一行\r\n第二行");
        assertThat(read.cell("cells", 1, 1).text()).isEqualTo(" 前后有空格 ");
        assertThat(read.cell("cells", 1, 2)).isEqualTo(new RawCell(2, "组织编码", RawCell.Type.STRING, false, false));
        assertThat(read.cell("cells", 1, 3).text()).isEqualTo("回车\r换行");
    }

    @Test
    void readsNumbersExactlyWhateverTheirStoredTextAndCellsOutOfColumnOrder() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("cells").createRow(0).createCell(0).setCellValue(1);
            bytes = bytes(wb);
        }
        // numbers as other writers store them; the same text twice (read once, then remembered);
        // cells out of column order and one column given twice (the later cell counts)
        bytes = replaceSheet(bytes, xml -> xml.replaceFirst("<row r=\"1\"[^>]*>.*?</row>", "<row r=\"1\">"
                + "<c r=\"B1\"><v>12.0</v></c><c r=\"A1\"><v>-0.0</v></c><c r=\"C1\"><v>0.10</v></c>"
                + "<c r=\"D1\"><v>1e3</v></c><c r=\"E1\"><v>0.30000000000000004</v></c><c r=\"F1\"><v>0.10</v></c>"
                + "<c r=\"AB1\" t=\"n\"><v>19.80</v></c><c r=\"C1\"><v>007</v></c><c r=\"G1\"><v>-3</v></c></row>"));
        Recorded read = read(bytes);

        assertThat(read.rows.get("cells").get(1)).extracting(RawCell::column).containsExactly(0, 1, 2, 3, 4, 5, 6, 27);
        assertThat(read.rows.get("cells").get(1)).extracting(RawCell::text)
                .containsExactly("0", "12", "7", "1000", "0.30000000000000004", "0.1", "-3", "19.8");
        assertThat(read.rows.get("cells").get(1)).extracting(RawCell::type).containsOnly(RawCell.Type.NUMBER);
    }

    @Test
    void halfWidthIsNfkcForTextNormalizedOrNot() {
        for (String text : List.of("C000002-01", "优秀", "否", "２０２６", "ＡＢ", "　甲", "甲\u3000乙", "ｶﾀｶﾅ", "①", "\uF900",
                "党员 编号\n第二行", "")) {
            assertThat(CellValues.halfWidth(text)).as(text)
                    .isEqualTo(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC));
        }
    }

    @Test
    void refusesADoctypeAndASharedStringThatIsNotThere() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("cells").createRow(0).createCell(0).setCellValue("甲");
            bytes = bytes(wb);
        }
        byte[] doctype = replaceSheet(bytes, xml -> xml.replaceFirst("<worksheet",
                "<!DOCTYPE worksheet [<!ENTITY x \"实体\">]><worksheet"));
        assertThatThrownBy(() -> read(doctype)).isInstanceOf(StreamingWorkbookReader.UnreadableWorkbookException.class)
                .hasMessageContaining("DOCTYPE");
        byte[] missing = replaceSheet(bytes, xml -> xml.replace("<v>0</v>", "<v>7</v>"));
        assertThatThrownBy(() -> read(missing)).isInstanceOf(StreamingWorkbookReader.UnreadableWorkbookException.class)
                .hasMessageContaining("shared string 7");
    }

    private Recorded read(byte[] bytes) throws IOException, StreamingWorkbookReader.UnreadableWorkbookException {
        File file = Files.createTempFile(dir, "book", ".xlsx").toFile();
        Files.write(file.toPath(), bytes);
        Recorded recorded = new Recorded();
        StreamingWorkbookReader.read(file, recorded);
        return recorded;
    }

    private static byte[] bytes(org.apache.poi.ss.usermodel.Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    private byte[] replaceSheet(byte[] workbook, java.util.function.UnaryOperator<String> change) throws IOException {
        Path source = Files.createTempFile(dir, "source", ".xlsx");
        Files.write(source, workbook);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(source.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] content;
                try (var entryIn = in.getInputStream(entry)) {
                    content = entryIn.readAllBytes();
                }
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
