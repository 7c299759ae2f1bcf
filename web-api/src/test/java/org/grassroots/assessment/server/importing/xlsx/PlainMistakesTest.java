package org.grassroots.assessment.server.importing.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Plain mistakes as a town makes them, one test each: every one is either read as meant with a
 * warning at its cell, or refused with its cell, never read silently wrong. Each starts from the
 * worked example as the import workbook and makes one mistake in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + PlainMistakesTest.DATA_DIR, "assessment.demo=false"})
class PlainMistakesTest {

    static final String DATA_DIR = "target/test-data/xlsx-mistakes";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    WorkbookLayouts layouts;

    XSSFWorkbook workbook() {
        return Workbooks.open(Workbooks.of(layouts, Workbooks.workedExample()));
    }

    BinaryApi.Reply upload(XSSFWorkbook wb) {
        return new BinaryApi(port).uploadWorkbook("/api/import", Workbooks.bytes(wb));
    }

    /** "sheet!cell message" of each warning (or error) of a reply. */
    static List<String> notes(BinaryApi.Reply reply, String kind) {
        List<String> notes = new ArrayList<>();
        reply.json().get(kind).forEach(n -> notes.add(n.get("sheet").asString() + "!" + n.get("cell").asString() + " "
                + n.get("message").asString()));
        return notes;
    }

    JsonNode factsOfHongqi() {
        return new Api(port).get("/api/organizations/V-HONGQI/facts/2026").json();
    }

    int hongqi2026(XSSFWorkbook wb) {
        Sheet sheet = wb.getSheet("期间指标");
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r).getCell(0).getStringCellValue().equals("V-HONGQI")
                    && sheet.getRow(r).getCell(1).getStringCellValue().equals("2026")) {
                return r + 1;
            }
        }
        throw new AssertionError();
    }

    /** A template made before 组织编码 became the one word (its headers say 组织代码) still imports. */
    @Test
    void a_template_whose_headers_say_dai_ma_for_the_code_still_imports() {
        XSSFWorkbook wb = workbook();
        for (String sheet : List.of("组织", "期间指标", "党员")) {
            org.apache.poi.ss.usermodel.Row header = wb.getSheet(sheet).getRow(0);
            header.forEach(c -> c.setCellValue(c.getStringCellValue().replace("编码", "代码")));
        }

        BinaryApi.Reply reply = upload(wb);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("organizations").asInt()).isEqualTo(7);
    }

    @Test
    void a_code_with_a_trailing_space_or_full_width_letters_is_read_trimmed_with_a_warning() {
        XSSFWorkbook wb = workbook();
        Workbooks.cell(wb, "组织", "组织编码", 2).setCellValue("XQ ");
        Workbooks.cell(wb, "党员", "党员编号", 2).setCellValue("ＨＱ－01");

        BinaryApi.Reply reply = upload(wb);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(notes(reply, "warnings")).containsExactly(
                "组织!A2 编码“XQ ”已读作“XQ”（去掉了首尾空格）",
                "党员!A2 编码“ＨＱ－01”已读作“HQ-01”（全角字符改为半角）");
        assertThat(reply.json().get("organizations").asInt()).isEqualTo(7);
        assertThat(new Api(port).get("/api/organizations/XQ").status()).isEqualTo(200);
        assertThat(new Api(port).get("/api/organizations/V-HONGQI/members?period=2026").json().get(0)
                .get("memberId").asString()).isEqualTo("HQ-01");
    }

    @Test
    void a_full_width_digit_and_a_number_stored_as_text_are_read_as_numbers_with_warnings() {
        XSSFWorkbook wb = workbook();
        int row = hongqi2026(wb);
        long meetings = (long) Workbooks.existing(wb, "期间指标", "支部党员大会", row).getNumericCellValue();
        long committee = (long) Workbooks.existing(wb, "期间指标", "支委会", row).getNumericCellValue();
        String wide = new String(Character.toChars(0xFF10 + (int) meetings));
        Workbooks.cell(wb, "期间指标", "支部党员大会", row).setCellValue(wide);
        Workbooks.cell(wb, "期间指标", "支委会", row).setCellValue(Long.toString(committee));
        Workbooks.cell(wb, "期间指标", "党员学习参学率", row).setCellValue("92%");
        Workbooks.cell(wb, "期间指标", "村集体经济收入", row).setCellValue("1,234,567.5");

        BinaryApi.Reply reply = upload(wb);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        String c = WorkbookImportApiTest.column(wb, "期间指标", "支部党员大会");
        String d = WorkbookImportApiTest.column(wb, "期间指标", "支委会");
        String rate = WorkbookImportApiTest.column(wb, "期间指标", "党员学习参学率");
        String income = WorkbookImportApiTest.column(wb, "期间指标", "村集体经济收入");
        assertThat(notes(reply, "warnings")).containsExactly(
                "期间指标!" + c + row + " 数字以文本形式存储“" + wide + "”，已读作 " + meetings + "（全角字符改为半角）",
                "期间指标!" + d + row + " 数字以文本形式存储“" + committee + "”，已读作 " + committee,
                "期间指标!" + rate + row + " 数字以文本形式存储“92%”，已读作 0.92",
                "期间指标!" + income + row + " 数字以文本形式存储“1,234,567.5”，已读作 1234567.5");
        JsonNode facts = factsOfHongqi();
        assertThat(facts.get("branchGeneralMeetings").asLong()).isEqualTo(meetings);
        assertThat(facts.get("committeeMeetings").asLong()).isEqualTo(committee);
        assertThat(facts.get("studyAttendanceRate").asDouble()).isEqualTo(0.92);
        assertThat(facts.get("collectiveIncomeYuan").asDouble()).isEqualTo(1_234_567.5);
    }

    @Test
    void a_date_typed_as_text_is_read_as_the_date_with_a_warning() {
        XSSFWorkbook wb = workbook();
        int first = Workbooks.rowOf(wb, "明察暗访", "检查编号", "MC-2026-001");
        int second = Workbooks.rowOf(wb, "明察暗访", "检查编号", "AF-2026-020");
        Workbooks.cell(wb, "明察暗访", "检查日期", first).setCellValue("2026.4.10");
        Workbooks.cell(wb, "明察暗访", "检查日期", second).setCellValue("2026年5月12日");

        BinaryApi.Reply reply = upload(wb);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(notes(reply, "warnings")).containsExactly(
                "明察暗访!C" + first + " 日期以文本形式填写“2026.4.10”，已读作 2026-04-10",
                "明察暗访!C" + second + " 日期以文本形式填写“2026年5月12日”，已读作 2026-05-12");
        assertThat(new Api(port).get("/api/visits/AF-2026-020").json().get("date").asString()).isEqualTo("2026-05-12");
    }

    @Test
    void a_text_that_is_no_date_or_number_is_refused_at_its_cell() {
        XSSFWorkbook wb = workbook();
        int row = hongqi2026(wb);
        Workbooks.cell(wb, "期间指标", "支委会", row).setCellValue("十二");
        Workbooks.cell(wb, "明察暗访", "检查日期", 2).setCellValue("2026.13.45");

        BinaryApi.Reply reply = upload(wb);

        assertThat(reply.status()).isEqualTo(400);
        String d = WorkbookImportApiTest.column(wb, "期间指标", "支委会");
        assertThat(notes(reply, "errors")).containsExactly(
                "期间指标!" + d + row + " 须为整数，实际为 \"十二\"",
                "明察暗访!C2 须为日期（如 2026-05-20），实际为 \"2026.13.45\"");
    }

    @Test
    void a_merged_cell_is_refused_at_the_merged_range() {
        XSSFWorkbook wb = workbook();
        Sheet members = wb.getSheet("党员");
        Workbooks.cell(wb, "党员", "组织编码", 3).setBlank();
        members.addMergedRegion(CellRangeAddress.valueOf("B2:B3"));

        BinaryApi.Reply reply = upload(wb);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(notes(reply, "errors")).containsExactly(
                "党员!B2 合并单元格 B2:B3：导入时每行须分别填写，请取消合并并在每个单元格中填写");
    }

    @Test
    void a_hidden_row_is_imported_with_a_warning() {
        XSSFWorkbook wb = workbook();
        wb.getSheet("党员").getRow(2).setZeroHeight(true);

        BinaryApi.Reply reply = upload(wb);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(notes(reply, "warnings")).containsExactly("党员!A3 第 3 行是隐藏行，其数据已导入；如不应导入，请删除该行");
        assertThat(reply.json().get("members").asInt()).isEqualTo(55);
    }

    @Test
    void an_extra_sheet_is_left_out_with_a_warning() {
        XSSFWorkbook wb = workbook();
        wb.createSheet("备注").createRow(0).createCell(0).setCellValue("本表由红旗村填写");

        BinaryApi.Reply reply = upload(wb);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(notes(reply, "warnings")).containsExactly("备注!A1 工作表“备注”不是模板中的工作表，其内容未导入");
    }

    @Test
    void a_formula_is_read_as_its_cached_value_with_a_warning_and_refused_without_one() {
        XSSFWorkbook wb = workbook();
        int row = hongqi2026(wb);
        long people = (long) Workbooks.existing(wb, "期间指标", "党员人数", row).getNumericCellValue();
        Cell members = Workbooks.cell(wb, "期间指标", "党员人数", row);
        members.setCellFormula((people - 2) + "+2");
        wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(members);
        String column = WorkbookImportApiTest.column(wb, "期间指标", "党员人数");

        BinaryApi.Reply reply = upload(wb);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(notes(reply, "warnings")).containsExactly(
                "期间指标!" + column + row + " 单元格是公式，已使用其计算结果“" + people + "”");
        assertThat(factsOfHongqi().get("members").asLong()).isEqualTo(people);

        XSSFWorkbook uncalculated = workbook();
        Workbooks.cell(uncalculated, "期间指标", "党员人数", row).setCellFormula(people + "*1");
        BinaryApi.Reply refused = upload(uncalculated);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(notes(refused, "errors")).containsExactly("期间指标!" + column + row
                + " 单元格是公式，但文件中没有保存其计算结果：请在 Excel 中打开、重新计算并保存，或改填数值");
    }

    @Test
    void an_empty_row_in_the_middle_is_skipped_with_a_warning() {
        XSSFWorkbook wb = workbook();
        Sheet members = wb.getSheet("党员");
        members.shiftRows(4, members.getLastRowNum(), 1);

        BinaryApi.Reply reply = upload(wb);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(notes(reply, "warnings")).containsExactly("党员!A5 第 5 行为空行，已跳过");
        assertThat(reply.json().get("members").asInt()).isEqualTo(55);
    }

    @Test
    void a_problem_the_bundle_reader_finds_after_a_shifted_row_still_names_the_right_cell() {
        XSSFWorkbook wb = workbook();
        Sheet members = wb.getSheet("党员");
        members.shiftRows(4, members.getLastRowNum(), 1);
        Workbooks.cell(wb, "党员", "学习测试成绩", 6).setCellValue(150);

        BinaryApi.Reply reply = upload(wb);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(notes(reply, "errors")).containsExactly("党员!J6 须在 0 到 100 之间，实际为 150");
        assertThat(reply.json().get("errors").get(0).get("path").asString()).isEqualTo("/members/3/testScore");
    }
}
