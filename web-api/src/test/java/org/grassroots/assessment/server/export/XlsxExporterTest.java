package org.grassroots.assessment.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.junit.jupiter.api.Test;

class XlsxExporterTest {

    static XSSFWorkbook xlsx(EvaluationExport export) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxExporter().write(export, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    /** Rows under the header row {@code headerRow}, keyed by their first column, each as header → cell. */
    static Map<String, Map<String, Cell>> rows(XSSFSheet sheet, int headerRow, String key) {
        Row header = sheet.getRow(headerRow);
        List<String> headers = new ArrayList<>();
        header.forEach(c -> headers.add(c.getStringCellValue()));
        Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                break;
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                cells.put(headers.get(i), row.getCell(i));
            }
            Cell k = cells.get(key);
            rows.put(k == null ? "" : new DataFormatter().formatCellValue(k), cells);
        }
        return rows;
    }

    static String text(Cell c) {
        return c == null ? "" : new DataFormatter().formatCellValue(c);
    }

    @Test
    void four_sheets_in_reading_order() throws Exception {
        try (XSSFWorkbook wb = xlsx(WorkedExample.export(true))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(4);
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("定级排名", "分类统计", "整改台账", "说明");
        }
    }

    @Test
    void ranking_sheet_has_a_title_a_bold_frozen_filtered_header_and_numbers_as_numbers() throws Exception {
        EvaluationResult result = WorkedExample.result();
        try (XSSFWorkbook wb = xlsx(WorkedExample.export(true))) {
            XSSFSheet sheet = wb.getSheet("定级排名");
            String title = sheet.getRow(0).getCell(0).getStringCellValue();
            assertThat(title).startsWith("2026年度 定级排名").contains("截至 2026-12-31")
                    .contains(result.ruleSet().version()).contains(result.ruleSet().checksum()).contains("已发布");

            Row header = sheet.getRow(1);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(CsvExporterTest.HEADERS);
            assertThat(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:Q8");
            assertThat(sheet.getColumnWidth(2)).isEqualTo(30 * 256);
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + 6);

            Map<String, Map<String, Cell>> rows = rows(sheet, 1, "组织编码");
            assertThat(rows.keySet()).containsExactly("V-HONGQI", "XQ-T01", "C-XINGFU", "E-HANGKE", "S-XIEHUI", "V-SHIQIAO");
            Map<String, Cell> hongqi = rows.get("V-HONGQI");
            assertThat(hongqi.get("排名").getNumericCellValue()).isEqualTo(1.0);
            assertThat(hongqi.get("综合得分").getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(hongqi.get("综合得分").getNumericCellValue()).isEqualTo(97.08);
            assertThat(hongqi.get("综合得分").getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(text(hongqi.get("明察暗访得分"))).isEqualTo("99.00");
            assertThat(text(hongqi.get("定级"))).isEqualTo("先进");
            assertThat(text(hongqi.get("称号"))).isEqualTo("三力党组织、示范点推荐");
            assertThat(text(hongqi.get("上级组织"))).isEqualTo("城关街道党工委");

            Map<String, Cell> shiqiao = rows.get("V-SHIQIAO");
            assertThat(shiqiao.get("排名").getNumericCellValue()).isEqualTo(6.0);
            assertThat(text(shiqiao.get("定级"))).isEqualTo("软弱涣散");
            assertThat(text(shiqiao.get("软弱涣散情形"))).startsWith("W-01 书记长期空缺；W-02 组织生活不正常")
                    .endsWith("W-11 综合得分低于60分");
            assertThat(rows.get("XQ-T01").get("明察暗访得分").getCellType()).isEqualTo(CellType.BLANK);
            assertThat(text(rows.get("XQ-T01").get("标记"))).isEqualTo("定级封顶");
            assertThat(sheet.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(1);
        }
    }

    @Test
    void counts_sheet_counts_tiers_per_type_and_per_parent() throws Exception {
        try (XSSFWorkbook wb = xlsx(WorkedExample.export(true))) {
            XSSFSheet sheet = wb.getSheet("分类统计");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("2026年度 分类统计")
                    .contains(WorkedExample.result().ruleSet().checksum());
            assertThat(text(sheet.getRow(2).getCell(0))).isEqualTo("按组织类型");
            Map<String, Map<String, Cell>> byType = rows(sheet, 3, "类型");
            assertThat(byType.keySet()).startsWith("村", "社区", "机关", "非公企业", "社会组织", "合计");
            assertThat(counts(byType.get("村"))).containsExactly(1, 0, 0, 1, 2);
            assertThat(counts(byType.get("社区"))).containsExactly(0, 1, 0, 0, 1);
            assertThat(counts(byType.get("机关"))).containsExactly(0, 1, 0, 0, 1);
            assertThat(counts(byType.get("非公企业"))).containsExactly(0, 1, 0, 0, 1);
            assertThat(counts(byType.get("社会组织"))).containsExactly(0, 0, 0, 1, 1);
            assertThat(counts(byType.get("合计"))).containsExactly(1, 3, 0, 2, 6);

            int parentCaption = 3 + 1 + 6 + 1;
            assertThat(text(sheet.getRow(parentCaption).getCell(0))).isEqualTo("按上级组织（乡镇、街道）");
            Map<String, Map<String, Cell>> byParent = rows(sheet, parentCaption + 1, "上级组织名称");
            assertThat(byParent.keySet()).containsExactly("X区党工委", "城关街道党工委", "合计");
            assertThat(text(byParent.get("X区党工委").get("上级组织编码"))).isEqualTo("XQ");
            assertThat(counts(byParent.get("X区党工委"))).containsExactly(0, 2, 0, 1, 3);
            assertThat(counts(byParent.get("城关街道党工委"))).containsExactly(1, 1, 0, 1, 3);
            assertThat(counts(byParent.get("合计"))).containsExactly(1, 3, 0, 2, 6);
        }
    }

    private static List<Integer> counts(Map<String, Cell> row) {
        return List.of("先进", "较好", "一般", "软弱涣散", "合计").stream()
                .map(h -> {
                    assertThat(row.get(h).getCellType()).isEqualTo(CellType.NUMERIC);
                    return (int) row.get(h).getNumericCellValue();
                })
                .toList();
    }

    @Test
    void rectification_sheet_lists_all_25_items_in_ledger_order() throws Exception {
        try (XSSFWorkbook wb = xlsx(WorkedExample.export(true))) {
            XSSFSheet sheet = wb.getSheet("整改台账");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("2026年度 整改台账")
                    .contains(WorkedExample.result().ruleSet().version());
            List<String> headers = new ArrayList<>();
            sheet.getRow(1).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("组织编码", "组织名称", "来源", "规则", "检查编号", "问题描述", "整改期限", "状态", "是否逾期",
                    "考核期", "备注", "整改编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + 25);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:L27");

            Row first = sheet.getRow(2);
            assertThat(text(first.getCell(0))).isEqualTo("C-XINGFU");
            assertThat(text(first.getCell(1))).isEqualTo("幸福社区党委");
            assertThat(text(first.getCell(2))).isEqualTo("明察暗访");
            assertThat(text(first.getCell(3))).isEqualTo("C09");
            assertThat(text(first.getCell(4))).isEqualTo("AF-2026-033");
            assertThat(text(first.getCell(5))).isEqualTo("服务态度差、推诿扯皮");
            assertThat(first.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse("2026-04-02"));
            assertThat(text(first.getCell(6))).isEqualTo("2026-04-02");
            assertThat(text(first.getCell(7))).isEqualTo("待核验");
            assertThat(text(first.getCell(8))).isEqualTo("否");

            Row shiqiaoC03 = sheet.getRow(2 + 7);
            assertThat(text(shiqiaoC03.getCell(0))).isEqualTo("V-SHIQIAO");
            assertThat(text(shiqiaoC03.getCell(2))).isEqualTo("明察暗访");
            assertThat(text(shiqiaoC03.getCell(3))).isEqualTo("C03");
            assertThat(text(shiqiaoC03.getCell(4))).isEqualTo("AF-2026-020");
            assertThat(text(shiqiaoC03.getCell(6))).isEqualTo("2026-05-19");
            assertThat(text(shiqiaoC03.getCell(7))).isEqualTo("待整改");
            assertThat(text(shiqiaoC03.getCell(8))).isEqualTo("是");

            Row grading = sheet.getRow(2 + 16);
            assertThat(text(grading.getCell(2))).isEqualTo("分类定级");
            assertThat(text(grading.getCell(3))).isEqualTo("W-01");
            assertThat(text(grading.getCell(4))).isEmpty();
            assertThat(text(grading.getCell(5))).isEqualTo("书记长期空缺");

            Row last = sheet.getRow(26);
            assertThat(text(last.getCell(0))).isEqualTo("XQ-T01");
            assertThat(text(last.getCell(3))).isEqualTo("C07");
            assertThat(text(last.getCell(8))).isEqualTo("是");
            long overdue = java.util.stream.IntStream.rangeClosed(2, 26)
                    .filter(r -> text(sheet.getRow(r).getCell(8)).equals("是")).count();
            assertThat(overdue).isEqualTo(7);
        }
    }

    @Test
    void notes_sheet_states_the_evaluation_facts() throws Exception {
        try (XSSFWorkbook wb = xlsx(WorkedExample.export(false))) {
            XSSFSheet sheet = wb.getSheet("说明");
            Map<String, String> facts = new LinkedHashMap<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(1) != null) {
                    facts.put(text(row.getCell(0)), text(row.getCell(1)));
                }
            }
            assertThat(facts).containsEntry("考评编号", "12").containsEntry("考评期间", "2026")
                    .containsEntry("截至日期", "2026-12-31")
                    .containsEntry("规则版本", WorkedExample.result().ruleSet().version())
                    .containsEntry("规则校验和", WorkedExample.result().ruleSet().checksum())
                    .containsEntry("发布状态", "未发布").containsEntry("考评时间", "2027-01-05 09:30:00 +08:00")
                    .containsEntry("参评组织数", "6").containsKeys("定级排名", "分类统计", "整改台账");
        }
    }

    @Test
    void formulas_behind_full_width_signs_or_leading_spaces_are_neutralized_strings() throws Exception {
        EvaluationResult hostile = HostileResult.of(WorkedExample.result(), HostileResult.DISGUISED);
        EvaluationExport export = new EvaluationExport(7, hostile, false, WorkedExample.CREATED_AT,
                Map.of("XQ", " \t=X区"));
        try (XSSFWorkbook wb = xlsx(export)) {
            Map<String, Map<String, Cell>> rows = rows(wb.getSheet("定级排名"), 1, "组织编码");
            HostileResult.DISGUISED.forEach((code, name) -> {
                Cell cell = rows.get(code).get("组织名称");
                assertThat(cell.getCellType()).as(code).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).as(code).isEqualTo("'" + name);
            });
            assertThat(rows.get("XQ-T01").get("上级组织").getStringCellValue()).isEqualTo("' \t=X区");
        }
    }

    @Test
    void formula_looking_text_is_a_neutralized_string_never_a_formula() throws Exception {
        EvaluationResult hostile = HostileResult.of(WorkedExample.result());
        EvaluationExport export = new EvaluationExport(7, hostile, false, WorkedExample.CREATED_AT,
                Map.of("XQ", "+X区党工委"));
        try (XSSFWorkbook wb = xlsx(export)) {
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                for (Row row : wb.getSheetAt(s)) {
                    for (Cell c : row) {
                        assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.STRING) {
                            assertThat(FormulaGuard.isDangerous(c.getStringCellValue()))
                                    .as(c.getStringCellValue()).isFalse();
                        }
                    }
                }
            }
            Map<String, Map<String, Cell>> rows = rows(wb.getSheet("定级排名"), 1, "组织编码");
            assertThat(rows.get("V-HONGQI").get("组织名称").getStringCellValue()).isEqualTo("'" + HostileResult.HYPERLINK);
            assertThat(rows.get("V-HONGQI").get("上级组织").getStringCellValue()).isEqualTo("'@SUM(A1:A9)");
            assertThat(rows.get("XQ-T01").get("上级组织").getStringCellValue()).isEqualTo("'+X区党工委");
            assertThat(rows.get("V-SHIQIAO").get("组织名称").getStringCellValue()).isEqualTo("'-2+3,石桥");
            assertThat(rows.get("V-HONGQI").get("综合得分").getNumericCellValue()).isEqualTo(97.08);
            XSSFSheet ledger = wb.getSheet("整改台账");
            assertThat(text(ledger.getRow(2 + 7).getCell(5))).isEqualTo("'+cmd|' /C calc'!A0");
            assertThat(text(ledger.getRow(2 + 7).getCell(1))).isEqualTo("'-2+3,石桥");
            Map<String, Map<String, Cell>> byParent = rows(wb.getSheet("分类统计"), 3 + 1 + 6 + 2, "上级组织编码");
            assertThat(text(byParent.get("XQ").get("上级组织名称"))).isEqualTo("'+X区党工委");
        }
    }

    @Test
    void streams_a_large_district() throws Exception {
        OrganizationResult template = WorkedExample.result().organizations().get(0);
        List<OrganizationResult> many = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            many.add(new OrganizationResult(String.format("V-%05d", i), "村党支部" + i, template.type(), "XQ-T01", i,
                    template.cohesion(), template.charisma(), template.combat(), template.composite(),
                    template.inspectionScore(), template.tier(), template.weakTriggers(), template.titles(),
                    template.flags(), template.movement(), template.explanation(), i, i, template.reasons(),
                    template.visits()));
        }
        EvaluationResult big = new EvaluationResult("2026-Q3", LocalDate.parse("2026-09-30"),
                WorkedExample.result().ruleSet(), many, List.of(), List.of());
        EvaluationExport export = new EvaluationExport(99, big, true, WorkedExample.CREATED_AT, WorkedExample.names());
        try (XSSFWorkbook wb = xlsx(export)) {
            XSSFSheet sheet = wb.getSheet("定级排名");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("2026年第3季度 定级排名");
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + 5000);
            assertThat(text(sheet.getRow(5001).getCell(1))).isEqualTo("V-05000");
            assertThat(wb.getSheet("整改台账").getLastRowNum()).isEqualTo(1);
        }
        assertThat(CsvExporterTest.records(CsvExporterTest.csv(export))).hasSize(1 + 5000);
    }
}
