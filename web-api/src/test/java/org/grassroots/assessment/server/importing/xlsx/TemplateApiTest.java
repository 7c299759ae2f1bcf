package org.grassroots.assessment.server.importing.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.server.SharedServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class TemplateApiTest extends SharedServer {


    @LocalServerPort
    int port;

    @Test
    void the_template_has_a_sheet_per_record_kind_with_chinese_headers_validation_and_notes() throws Exception {
        BinaryApi.Reply reply = new BinaryApi(port).get("/api/import/template.xlsx");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith(BinaryApi.XLSX);
        assertThat(reply.disposition()).contains("attachment").contains("import-template.xlsx");
        try (XSSFWorkbook wb = reply.workbook()) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("组织", "期间指标", "党员", "明察暗访", "发现问题", "说明", "选项");
            assertThat(wb.isSheetHidden(wb.getSheetIndex("选项"))).isTrue();

            XSSFSheet facts = wb.getSheet("期间指标");
            assertThat(headers(facts)).startsWith("组织编码", "考评期间", "支部党员大会（次）")
                    .contains("党员人数（名）", "党建储备金余额（元）", "党员学习参学率（0–1）", "书记空缺（月）");
            assertThat(facts.getPaneInformation().isFreezePane()).isTrue();
            assertThat(facts.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(headers(wb.getSheet("明察暗访"))).contains("检查日期（日期）");

            // every choice column offers its Chinese labels; dates, whole numbers and decimals are validated
            List<? extends DataValidation> validations = facts.getDataValidations();
            assertThat(validations).extracting(v -> v.getValidationConstraint().getValidationType())
                    .contains(ValidationType.LIST, ValidationType.INTEGER, ValidationType.DECIMAL);
            XSSFSheet organizations = wb.getSheet("组织");
            DataValidation type = validationOf(organizations, 2);
            assertThat(type.getValidationConstraint().getFormula1()).isEqualTo("'选项'!$A$1:$A$5");
            assertThat(column(wb.getSheet("选项"), 0)).containsExactly("村", "社区", "机关", "非公企业", "社会组织");
            assertThat(validationOf(wb.getSheet("明察暗访"), 2).getValidationConstraint().getValidationType())
                    .isEqualTo(ValidationType.DATE);
            DataValidation meetings = validationOf(facts, 2);
            assertThat(meetings.getValidationConstraint().getFormula1()).isEqualTo("0");
            assertThat(meetings.getValidationConstraint().getFormula2()).isEqualTo("1000");

            // 说明: every column, and the rule ids read from the rule set in force
            Sheet notes = wb.getSheet("说明");
            List<String> rows = new ArrayList<>();
            notes.forEach(r -> rows.add(line(r)));
            assertThat(rows).anyMatch(r -> r.startsWith("期间指标|") && r.contains("|流动党员（名）|是|") && r.endsWith("|CO-03、S-02、UP-05"));
            assertThat(rows).anyMatch(r -> r.startsWith("期间指标|") && r.contains("党员学习参学率") && r.endsWith("|CO-02、UP-03"));
            assertThat(rows).anyMatch(r -> r.startsWith("党员|") && r.contains("学习测试成绩") && r.endsWith("|V-05"));
            assertThat(rows).anyMatch(r -> r.startsWith("组织|A|组织编码|是|"));
            int described = (int) rows.stream().filter(r -> r.matches("^(组织|期间指标|党员|明察暗访|发现问题)\\|.*")).count();
            int columns = 0;
            for (String sheet : List.of("组织", "期间指标", "党员", "明察暗访", "发现问题")) {
                columns += headers(wb.getSheet(sheet)).size();
            }
            assertThat(described).isEqualTo(columns);
        }
    }

    @Test
    void only_the_office_and_administrators_download_it() {
        BinaryApi anonymous = new BinaryApi(port, null);
        assertThat(anonymous.get("/api/import/template.xlsx").status()).isEqualTo(401);
    }

    static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
        return headers;
    }

    static List<String> column(Sheet sheet, int c) {
        List<String> values = new ArrayList<>();
        sheet.forEach(r -> {
            if (r.getCell(c) != null) {
                values.add(r.getCell(c).getStringCellValue());
            }
        });
        return values;
    }

    static DataValidation validationOf(XSSFSheet sheet, int column) {
        return sheet.getDataValidations().stream()
                .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == column).findFirst().orElseThrow();
    }

    private static String line(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.toString()));
        return String.join("|", cells);
    }
}
