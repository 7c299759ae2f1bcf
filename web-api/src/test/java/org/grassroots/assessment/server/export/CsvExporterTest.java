package org.grassroots.assessment.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.junit.jupiter.api.Test;

class CsvExporterTest {

    static final List<String> HEADERS = List.of("排名", "组织编码", "组织名称", "类型", "上级组织", "凝聚力", "魅力", "战斗力",
            "综合得分", "明察暗访得分", "定级", "软弱涣散情形", "称号", "标记", "晋位升级", "类型内排名", "上级内排名");

    static byte[] csv(EvaluationExport export) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExporter().write(export, out);
        return out.toByteArray();
    }

    static List<List<String>> records(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return Csv.parse(text.substring(1));
    }

    /** The table's rows by organization code, each as header → field. */
    static Map<String, Map<String, String>> rowsByCode(List<List<String>> records) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> headers = records.get(0);
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                row.put(headers.get(i), record.get(i));
            }
            rows.put(row.get("组织编码"), row);
        }
        return rows;
    }

    @Test
    void starts_with_a_byte_order_mark_and_ends_every_line_with_crlf() throws Exception {
        byte[] bytes = csv(WorkedExample.export(true));
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void the_header_row_first_then_one_row_per_organization_and_no_metadata_line() throws Exception {
        List<List<String>> records = records(csv(WorkedExample.export(true)));
        assertThat(records.get(0)).isEqualTo(HEADERS);
        assertThat(records).hasSize(1 + 6);
        assertThat(records.subList(1, records.size())).allSatisfy(r -> assertThat(r).hasSize(HEADERS.size()));
        // the evaluation's facts are in the file name and the xlsx 说明 sheet, not in the CSV
        assertThat(records).noneSatisfy(r -> assertThat(r).contains("考评编号"));
    }

    @Test
    void rows_in_rank_order_with_chinese_labels_and_two_decimals() throws Exception {
        List<List<String>> records = records(csv(WorkedExample.export(true)));
        assertThat(records.subList(1, records.size())).extracting(r -> r.get(1))
                .containsExactly("V-HONGQI", "XQ-T01", "C-XINGFU", "E-HANGKE", "S-XIEHUI", "V-SHIQIAO");
        Map<String, Map<String, String>> rows = rowsByCode(records);

        Map<String, String> hongqi = rows.get("V-HONGQI");
        assertThat(hongqi).containsEntry("排名", "1").containsEntry("组织名称", "红旗村党支部")
                .containsEntry("类型", "村").containsEntry("上级组织", "城关街道党工委")
                .containsEntry("凝聚力", "96.37").containsEntry("魅力", "93.80").containsEntry("战斗力", "99.75")
                .containsEntry("综合得分", "97.08").containsEntry("明察暗访得分", "99.00")
                .containsEntry("定级", "先进").containsEntry("软弱涣散情形", "")
                .containsEntry("称号", "三力党组织、示范点推荐").containsEntry("标记", "")
                .containsEntry("晋位升级", "晋位").containsEntry("类型内排名", "1").containsEntry("上级内排名", "1");

        Map<String, String> shiqiao = rows.get("V-SHIQIAO");
        assertThat(shiqiao).containsEntry("排名", "6").containsEntry("定级", "软弱涣散")
                .containsEntry("综合得分", "26.81").containsEntry("晋位升级", "新参评").containsEntry("类型内排名", "2");
        assertThat(shiqiao.get("软弱涣散情形")).isEqualTo(
                "W-01 书记长期空缺；W-02 组织生活不正常；W-03 发展党员停滞；W-05 集体经济空壳；"
                        + "W-08 明察暗访不合格；W-09 整改不力；W-10 班子不健全；W-11 综合得分低于60分");

        // a parent that was not evaluated itself still shows its name; no visit leaves the score empty
        Map<String, String> township = rows.get("XQ-T01");
        assertThat(township).containsEntry("上级组织", "X区党工委").containsEntry("类型", "机关")
                .containsEntry("明察暗访得分", "").containsEntry("定级", "较好").containsEntry("标记", "定级封顶")
                .containsEntry("魅力", "87.00");
        assertThat(rows.get("E-HANGKE")).containsEntry("类型", "非公企业").containsEntry("晋位升级", "整顿转化");
        assertThat(rows.get("S-XIEHUI")).containsEntry("软弱涣散情形", "W-09 整改不力").containsEntry("类型", "社会组织");
    }

    @Test
    void parent_code_stands_in_for_an_unknown_parent_name() throws Exception {
        EvaluationExport export = new EvaluationExport(3, WorkedExample.result(), false, WorkedExample.CREATED_AT, Map.of());
        Map<String, Map<String, String>> rows = rowsByCode(records(csv(export)));
        assertThat(rows.get("XQ-T01")).containsEntry("上级组织", "XQ");
        assertThat(rows.get("V-HONGQI")).containsEntry("上级组织", "城关街道党工委");
    }

    @Test
    void formula_looking_text_is_neutralized_and_quoted_per_rfc_4180() throws Exception {
        EvaluationResult hostile = HostileResult.of(WorkedExample.result());
        EvaluationExport export = new EvaluationExport(7, hostile, false, WorkedExample.CREATED_AT,
                Map.of("XQ", "+X区党工委"));
        byte[] bytes = csv(export);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"点击\"\")\"");
        Map<String, Map<String, String>> rows = rowsByCode(records(bytes));
        assertThat(rows.get("V-HONGQI").get("组织名称")).isEqualTo("'" + HostileResult.HYPERLINK);
        assertThat(rows.get("V-SHIQIAO").get("组织名称")).isEqualTo("'-2+3,石桥");
        assertThat(rows.get("C-XINGFU").get("组织名称")).isEqualTo("'\t幸福社区");
        assertThat(rows.get("E-HANGKE").get("组织名称")).isEqualTo("'\r\n航科");
        assertThat(rows.get("S-XIEHUI").get("组织名称")).isEqualTo("普通\"名称\"");
        assertThat(rows.get("V-HONGQI").get("上级组织")).isEqualTo("'@SUM(A1:A9)");
        assertThat(rows.get("XQ-T01").get("上级组织")).isEqualTo("'+X区党工委");
        // numbers stay numbers
        assertThat(rows.get("V-HONGQI").get("综合得分")).isEqualTo("97.08");
        for (Map<String, String> row : rows.values()) {
            for (String field : row.values()) {
                assertThat(FormulaGuard.isDangerous(field)).as(field).isFalse();
            }
        }
    }

    @Test
    void formulas_behind_full_width_signs_or_leading_spaces_are_neutralized() throws Exception {
        EvaluationResult hostile = HostileResult.of(WorkedExample.result(), HostileResult.DISGUISED);
        EvaluationExport export = new EvaluationExport(7, hostile, false, WorkedExample.CREATED_AT,
                Map.of("XQ", " \t=X区"));
        Map<String, Map<String, String>> rows = rowsByCode(records(csv(export)));
        HostileResult.DISGUISED.forEach((code, name) ->
                assertThat(rows.get(code).get("组织名称")).as(code).isEqualTo("'" + name));
        assertThat(rows.get("XQ-T01").get("上级组织")).isEqualTo("' \t=X区");
    }

    @Test
    void quoting_only_where_rfc_4180_needs_it() {
        assertThat(CsvExporter.quote("红旗村")).isEqualTo("红旗村");
        assertThat(CsvExporter.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExporter.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExporter.quote("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(CsvExporter.field(CellValue.decimal(99.0))).isEqualTo("99.00");
        assertThat(CsvExporter.field(CellValue.decimal(0.125))).isEqualTo("0.13");
        assertThat(CsvExporter.field(CellValue.decimal(null))).isEmpty();
        assertThat(CsvExporter.field(CellValue.text("-5"))).isEqualTo("'-5");
    }
}
