package org.grassroots.assessment.server.restatement;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.grassroots.assessment.server.export.FormulaGuard;

/**
 * A restatement as a workbook: 对照 (per organization the official and restated tier, rank,
 * composite, forces and movement side by side, and what differs), 依据变化 (every explanation line
 * that differs) and 说明 (the evaluation, the two rule sets, the counts).
 */
final class RestatementXlsx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String COMPARISON_SHEET = "对照";
    static final String LINES_SHEET = "依据变化";
    static final String NOTES_SHEET = "说明";

    private RestatementXlsx() {
    }

    static void write(RestatementView view, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true)) {
            comparison(wb.createSheet(COMPARISON_SHEET), view);
            lines(wb.createSheet(LINES_SHEET), view);
            notes(wb.createSheet(NOTES_SHEET), view);
            wb.write(out);
        }
    }

    private static void comparison(Sheet sheet, RestatementView view) {
        row(sheet, 0, "组织编码", "组织名称", "正式定级", "重算定级", "正式排名", "重算排名", "正式综合得分", "重算综合得分",
                "正式凝聚力", "重算凝聚力", "正式号召力", "重算号召力", "正式战斗力", "重算战斗力", "正式升降", "重算升降",
                "结果不同", "不同之处");
        int r = 1;
        for (RestatementView.Row o : view.rows()) {
            RestatementView.Side a = o.official();
            RestatementView.Side b = o.restated();
            Row row = sheet.createRow(r++);
            text(row, 0, o.code());
            text(row, 1, o.name());
            text(row, 2, a == null ? null : a.tier().label());
            text(row, 3, b == null ? null : b.tier().label());
            number(row, 4, a == null ? null : (double) a.rank());
            number(row, 5, b == null ? null : (double) b.rank());
            number(row, 6, a == null ? null : a.composite());
            number(row, 7, b == null ? null : b.composite());
            number(row, 8, a == null ? null : a.cohesion());
            number(row, 9, b == null ? null : b.cohesion());
            number(row, 10, a == null ? null : a.charisma());
            number(row, 11, b == null ? null : b.charisma());
            number(row, 12, a == null ? null : a.combat());
            number(row, 13, b == null ? null : b.combat());
            text(row, 14, a == null || a.movement() == null ? null : a.movement().label());
            text(row, 15, b == null || b.movement() == null ? null : b.movement().label());
            text(row, 16, o.changed() ? "是" : "否");
            text(row, 17, String.join("、", o.differences().stream().map(RestatementView.Difference::field).toList()));
        }
    }

    private static void lines(Sheet sheet, RestatementView view) {
        row(sheet, 0, "组织编码", "组织名称", "规则", "维度", "正式分值", "重算分值", "正式依据", "重算依据");
        int r = 1;
        for (RestatementView.Row o : view.rows()) {
            for (RestatementView.Line l : o.lines()) {
                if (!l.changed()) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                text(row, 0, o.code());
                text(row, 1, o.name());
                text(row, 2, l.rule());
                text(row, 3, l.dimension());
                number(row, 4, l.official());
                number(row, 5, l.restated());
                text(row, 6, l.officialReason());
                text(row, 7, l.restatedReason());
            }
        }
    }

    private static void notes(Sheet sheet, RestatementView view) {
        List<String[]> notes = List.of(
                new String[] {"考评编号", String.valueOf(view.evaluationId())},
                new String[] {"考评期间", view.period()},
                new String[] {"截至日期", String.valueOf(view.asOf())},
                new String[] {"正式考评规则集版本", view.official().version() + "（" + view.official().checksum() + "）"},
                new String[] {"重算编号", String.valueOf(view.id())},
                new String[] {"重算规则集版本", view.restated().version() + "（" + view.restated().checksum() + "）"},
                new String[] {"重算时间", String.valueOf(view.createdAt())},
                new String[] {"结果不同的组织数", String.valueOf(view.changed())},
                new String[] {"说明", "重算以正式考评当时留存的输入数据按另一规则集版本重新评估，正式考评结果不变。"});
        int r = 0;
        for (String[] n : notes) {
            row(sheet, r++, n);
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            text(row, i, values[i]);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(FormulaGuard.neutralize(value));
        }
    }

    private static void number(Row row, int column, Double value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }
}
