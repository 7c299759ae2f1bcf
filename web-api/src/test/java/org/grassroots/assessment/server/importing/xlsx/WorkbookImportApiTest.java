package org.grassroots.assessment.server.importing.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + WorkbookImportApiTest.DATA_DIR, "assessment.demo=false"})
class WorkbookImportApiTest {

    static final String DATA_DIR = "target/test-data/xlsx-import";
    static final List<String> TABLES = List.of("organization", "period_facts", "member_roll", "member_roll_ids", "visit", "finding",
            "rectification_item", "rectification_step");

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    WorkbookLayouts layouts;

    @Autowired
    JdbcTemplate jdbc;

    BinaryApi api() {
        return new BinaryApi(port);
    }

    Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Integer.class)));
        return counts;
    }

    byte[] workedExample() {
        return Workbooks.of(layouts, Workbooks.workedExample());
    }

    /** The same workbook saved by POI's whole-workbook writer: plain zip entries, for tests that rewrite them. */
    byte[] workedExampleResaved() {
        return Workbooks.bytes(Workbooks.open(workedExample()));
    }

    @Test
    void a_workbook_imports_exactly_as_its_json_bundle() {
        BinaryApi.Reply reply = api().uploadWorkbook("/api/import", workedExample());

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode counts = reply.json();
        assertThat(counts.get("organizations").asInt()).isEqualTo(7);
        assertThat(counts.get("periodFacts").asInt()).isEqualTo(9);
        assertThat(counts.get("members").asInt()).isEqualTo(55);
        assertThat(counts.get("visits").asInt() + counts.get("visitsUnchanged").asInt()).isEqualTo(8);
        assertThat(counts.get("warnings").size()).as(reply.text()).isZero();

        Api json = new Api(port);
        JsonNode facts = json.get("/api/organizations/V-HONGQI/facts/2026").json();
        JsonNode expected = find(Api.JSON.readTree(Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).get("periodFacts"));
        for (String field : expected.propertyNames()) {
            if (expected.get(field).isNumber()) {
                assertThat(facts.get(field).asDouble()).as(field).isEqualTo(expected.get(field).asDouble());
            } else {
                assertThat(facts.get(field)).as(field).isEqualTo(expected.get(field));
            }
        }
        // the visits (findings, evidence, imported ledger states) are the bundle's to the byte:
        // the JSON bundle imported now finds every one of them identical
        Api.Reply again = json.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("visitsUnchanged").asInt()).isEqualTo(8);
        assertThat(again.json().get("visits").asInt()).isZero();
    }

    private static JsonNode find(JsonNode facts) {
        for (JsonNode f : facts) {
            if (f.get("orgCode").asString().equals("V-HONGQI") && f.get("period").asString().equals("2026")) {
                return f;
            }
        }
        throw new AssertionError();
    }

    @Test
    void every_problem_names_its_sheet_row_column_and_cell_in_chinese_and_nothing_is_stored() {
        api().uploadWorkbook("/api/import", workedExample());
        Map<String, Integer> before = rowCounts();
        XSSFWorkbook wb = Workbooks.open(workedExample());
        int hongqi = Workbooks.rowOf(wb, "期间指标", "组织编码", "V-HONGQI");
        Workbooks.cell(wb, "期间指标", "保持联系的流动党员", hongqi).setCellValue(99);
        long floating = (long) Workbooks.existing(wb, "期间指标", "流动党员", hongqi).getNumericCellValue();
        Workbooks.cell(wb, "党员", "学习测试成绩", 2).setCellValue(101);
        Workbooks.cell(wb, "组织", "组织名称", 2).setCellValue("改了名字但不该写入");

        BinaryApi.Reply reply = api().uploadWorkbook("/api/import", Workbooks.bytes(wb));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode body = reply.json();
        assertThat(body.get("title").asString()).isEqualTo("数据校验未通过");
        List<String> errors = new ArrayList<>();
        body.get("errors").forEach(e -> errors.add(e.get("sheet").asString() + "!" + e.get("cell").asString() + " "
                + e.get("message").asString()));
        String contactColumn = column(wb, "期间指标", "保持联系的流动党员");
        assertThat(errors).containsExactly(
                "期间指标!" + contactColumn + hongqi + " 不能超过“流动党员（名）”（" + floating + "）",
                "党员!J2 须在 0 到 100 之间，实际为 101");
        JsonNode first = body.get("errors").get(1);
        assertThat(first.get("row").asInt()).isEqualTo(2);
        assertThat(first.get("column").asString()).isEqualTo("J");
        assertThat(first.get("path").asString()).isEqualTo("/members/0/testScore");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(new Api(port).get("/api/organizations/XQ").json().get("name").asString()).isNotEqualTo("改了名字但不该写入");
    }

    static String column(XSSFWorkbook wb, String sheet, String header) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(Workbooks.column(wb.getSheet(sheet), header));
    }

    @Test
    void annotated_answers_with_the_uploaded_workbook_with_each_bad_cell_red_and_its_message_as_comment() {
        XSSFWorkbook wb = Workbooks.open(workedExample());
        Workbooks.cell(wb, "党员", "学习测试成绩", 2).setCellValue(101);
        Workbooks.cell(wb, "明察暗访", "检查方式", 3).setCellValue("抽查");

        BinaryApi.Reply reply = api().uploadWorkbook("/api/import?annotated=true", Workbooks.bytes(wb));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith(BinaryApi.XLSX);
        try (XSSFWorkbook annotated = reply.workbook()) {
            assertThat(annotated.getSheetAt(0).getSheetName()).isEqualTo("导入问题");
            assertThat(annotated.getSheetAt(0).getRow(1).getCell(3).getStringCellValue())
                    .isEqualTo("须在 0 到 100 之间，实际为 101");
            Cell score = annotated.getSheet("党员").getRow(1).getCell(9);
            assertRed(score);
            assertThat(score.getCellComment().getString().getString()).isEqualTo("问题：须在 0 到 100 之间，实际为 101");
            assertThat(score.getNumericCellValue()).isEqualTo(101);
            Cell mode = annotated.getSheet("明察暗访").getRow(2).getCell(3);
            assertRed(mode);
            assertThat(mode.getCellComment().getString().getString()).isEqualTo("问题：须从下拉列表中选择，实际为 \"抽查\"");
            // the rest of the workbook is as uploaded
            assertThat(annotated.getSheet("党员").getRow(1).getCell(0).getStringCellValue()).isEqualTo("HQ-01");
            assertThat(annotated.getSheet("党员").getRow(2).getCell(9).getCellStyle().getFillPattern())
                    .isEqualTo(FillPatternType.NO_FILL);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRed(Cell cell) {
        XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
        assertThat(style.getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
        assertThat(style.getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
    }

    @Test
    void a_json_bundle_uploaded_as_a_file_is_imported_as_before() {
        BinaryApi.Reply reply = api().upload("/api/import", "bundle.json", "application/json",
                Fixtures.bytes(Fixtures.WORKED_EXAMPLE));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().propertyNames()).containsExactly("organizations", "periodFacts", "members", "visits",
                "visitsUnchanged", "findings");
    }

    @Test
    void hostile_files_are_refused_before_anything_is_read() throws IOException {
        // an old binary .xls, a zip that is no workbook, a sheet with a DOCTYPE (XXE), a zip bomb
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
        assertRefused(api().uploadWorkbook("/api/import", ole2), "旧版 Excel 文件");
        assertRefused(api().uploadWorkbook("/api/import", zip(Map.of("hello.txt", "hi".getBytes()))), "不是可读取的 Excel 工作簿");

        String secret = "SECRET-" + System.nanoTime();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("xxe", ".txt");
        java.nio.file.Files.writeString(file, secret);
        byte[] xxe = replaceEntry(workedExampleResaved(), "xl/worksheets/sheet1.xml", sheet -> sheet.replaceFirst("<worksheet",
                "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"" + file.toUri() + "\">]><worksheet")
                .replaceFirst("<sheetData>", "<sheetData><row r=\"200\"><c r=\"A200\" t=\"inlineStr\"><is><t>&x;</t></is></c></row>"));
        BinaryApi.Reply refused = api().uploadWorkbook("/api/import", xxe);
        assertRefused(refused, "不是可读取的 Excel 工作簿");
        assertThat(refused.text()).doesNotContain(secret);

        String padding = " ".repeat(30_000_000);
        byte[] bomb = replaceEntry(workedExampleResaved(), "xl/worksheets/sheet3.xml", sheet -> sheet.replaceFirst("<sheetData>",
                "<sheetData>" + padding));
        assertRefused(api().uploadWorkbook("/api/import", bomb), "不是可读取的 Excel 工作簿");
        assertThat(rowCounts().get("organization")).isLessThanOrEqualTo(7);
    }

    private static void assertRefused(BinaryApi.Reply reply, String message) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("message").asString()).contains(message);
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] replaceEntry(byte[] workbook, String name, java.util.function.UnaryOperator<String> change)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(name)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                entries.put(e.getName(), content);
            }
        }
        return zip(entries);
    }
}
