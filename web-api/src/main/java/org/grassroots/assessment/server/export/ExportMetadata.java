package org.grassroots.assessment.server.export;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.grassroots.assessment.server.rectification.LedgerNotes;

/**
 * The facts about an evaluation that every export states beside the numbers (period, as-of date,
 * rule set version and checksum, published or not), in one place so that formats cannot drift.
 */
public final class ExportMetadata {

    public static final String PUBLISHED = "已发布";
    public static final String NOT_PUBLISHED = "未发布";

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private ExportMetadata() {
    }

    /** One labelled fact. */
    public record Entry(String label, String value) {
    }

    /** The facts in reading order: 考评编号, 考评期间, 截至日期, 规则版本, 规则校验和, 发布状态, 考评时间, 参评组织数. */
    public static List<Entry> entries(EvaluationExport export) {
        return List.of(
                new Entry("考评编号", Long.toString(export.evaluationId())),
                new Entry("考评期间", export.period()),
                new Entry("截至日期", export.asOf().toString()),
                new Entry("规则版本", export.ruleSetVersion()),
                new Entry("规则校验和", export.ruleSetChecksum()),
                new Entry("发布状态", export.published() ? PUBLISHED : NOT_PUBLISHED),
                new Entry("考评时间", CREATED_AT.format(export.createdAt())),
                new Entry("参评组织数", Integer.toString(export.result().organizations().size())));
    }

    /** "2026年度" or "2026年第3季度"; the text itself when it is no period. */
    public static String periodLabel(String period) {
        return period == null ? null : LedgerNotes.periodLabel(period);
    }

    /**
     * A title line above a table: "2026年度 定级排名（截至 2026-12-31；规则版本 2026.1.0，sha256:…；已发布）".
     */
    public static String title(EvaluationExport export, String table) {
        return periodLabel(export.period()) + " " + table
                + "（截至 " + export.asOf() + "；规则版本 " + export.ruleSetVersion() + "，" + export.ruleSetChecksum()
                + "；" + (export.published() ? PUBLISHED : NOT_PUBLISHED) + "）";
    }
}
