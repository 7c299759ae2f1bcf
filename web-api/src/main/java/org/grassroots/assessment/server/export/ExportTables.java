package org.grassroots.assessment.server.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.grassroots.assessment.evaluation.Flag;
import org.grassroots.assessment.evaluation.OrgTitle;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.rectification.LedgerNotes;
import org.grassroots.assessment.server.rectification.RectificationView;

/**
 * The column model of every export: the grades and ranks (定级排名), the rectification list
 * (整改台账) and the tier counts (分类统计). Headers and labels are Chinese, codes are kept where
 * users look them up (organization codes, rule ids).
 */
public final class ExportTables {

    /** The ranking's columns, in order; the CSV and the "定级排名" sheet both use exactly these. */
    public static final List<Column<RankingRow>> RANKING = List.of(
            new Column<>("排名", 7, r -> CellValue.rank(r.org().rank())),
            new Column<>("组织编码", 14, r -> CellValue.text(r.org().code())),
            new Column<>("组织名称", 30, r -> CellValue.text(r.org().name())),
            new Column<>("类型", 10, r -> CellValue.text(r.org().type() == null ? null : r.org().type().label())),
            new Column<>("上级组织", 22, r -> CellValue.text(r.parent())),
            new Column<>("凝聚力", 9, r -> CellValue.decimal(r.org().cohesion())),
            new Column<>("魅力", 9, r -> CellValue.decimal(r.org().charisma())),
            new Column<>("战斗力", 9, r -> CellValue.decimal(r.org().combat())),
            new Column<>("综合得分", 11, r -> CellValue.decimal(r.org().composite())),
            new Column<>("明察暗访得分", 15, r -> CellValue.decimal(r.org().inspectionScore())),
            new Column<>("定级", 10, r -> CellValue.text(r.org().tier() == null ? null : r.org().tier().label())),
            new Column<>("软弱涣散情形", 40, r -> CellValue.text(weakSituations(r.org()))),
            new Column<>("称号", 24, r -> CellValue.text(
                    r.org().titles().stream().map(OrgTitle::label).collect(Collectors.joining("、")))),
            new Column<>("标记", 14, r -> CellValue.text(
                    r.org().flags().stream().map(Flag::label).collect(Collectors.joining("、")))),
            new Column<>("晋位升级", 11, r -> CellValue.text(r.org().movement() == null ? null : r.org().movement().label())),
            new Column<>("类型内排名", 12, r -> CellValue.rank(r.org().rankInType())),
            new Column<>("上级内排名", 12, r -> CellValue.rank(r.org().rankInParent())));

    /**
     * The rectification list's columns, in order (the "整改台账" sheet): the item's number in the
     * ledger (整改编号, as on the ledger page), its period (考核期) and why an item of an earlier
     * period stands (备注) follow the columns the sheet always had.
     */
    public static final List<Column<RectificationRow>> RECTIFICATIONS = List.of(
            new Column<>("组织编码", 14, r -> CellValue.text(r.orgCode())),
            new Column<>("组织名称", 30, r -> CellValue.text(r.orgName())),
            new Column<>("来源", 12, r -> CellValue.text(r.source() == null ? null : r.source().label())),
            new Column<>("规则", 8, r -> CellValue.text(r.rule())),
            new Column<>("检查编号", 16, r -> CellValue.text(r.visitId())),
            new Column<>("问题描述", 50, r -> CellValue.text(r.description())),
            new Column<>("整改期限", 12, r -> CellValue.day(r.deadline())),
            new Column<>("状态", 10, r -> CellValue.text(r.status() == null ? null : r.status().label())),
            new Column<>("是否逾期", 10, r -> CellValue.text(r.overdue() ? "是" : "否")),
            new Column<>("考核期", 12, r -> CellValue.text(r.period() == null ? null : LedgerNotes.periodLabel(r.period()))),
            new Column<>("备注", 40, r -> CellValue.text(r.note())),
            new Column<>("整改编号", 10, r -> r.id() == null ? CellValue.text(null) : CellValue.whole(r.id())));

    /** Tier columns of the statistics, best first, then the total. */
    private static final List<Tier> TIERS_BEST_FIRST = List.of(Tier.ADVANCED, Tier.GOOD, Tier.AVERAGE, Tier.WEAK);

    public static final List<Column<TierCount>> COUNTS_BY_TYPE = countColumns(List.of(
            new Column<>("类型", 14, c -> CellValue.text(c.name()))));

    public static final List<Column<TierCount>> COUNTS_BY_PARENT = countColumns(List.of(
            new Column<>("上级组织编码", 16, c -> CellValue.text(c.code())),
            new Column<>("上级组织名称", 30, c -> CellValue.text(c.name()))));

    private ExportTables() {
    }

    /** An organization's row: its result and the name of its parent (the code when the name is unknown). */
    public record RankingRow(OrganizationResult org, String parent) {
    }

    /**
     * One line of the rectification list; {@code id} (the ledger's item number) and {@code period}
     * are null for an item of a result exported without the server's ledger; {@code note}: why an
     * item of an earlier period stands, or null.
     */
    public record RectificationRow(Long id, String orgCode, String orgName, RectificationSource source, String rule,
            String period, String visitId, String description, LocalDate deadline, RectificationStatus status,
            boolean overdue, String note) {

        static RectificationRow of(RectificationView item, String orgName, LocalDate asOf) {
            return new RectificationRow(item.id(), item.orgCode(), orgName, item.source(), item.rule(), item.period(),
                    item.visitId(), item.description(), item.deadline(), item.status(), item.overdue(),
                    LedgerNotes.why(item, asOf));
        }

        static RectificationRow of(RectificationItem item, String orgName) {
            return new RectificationRow(null, item.orgCode(), orgName, item.source(), item.rule(), null,
                    item.visitId(), item.description(), item.deadline(), item.status(), item.overdue(), null);
        }
    }

    public static Table<RankingRow> ranking(EvaluationExport export) {
        List<RankingRow> rows = new ArrayList<>(export.result().organizations().size());
        for (OrganizationResult org : export.result().organizations()) {
            String parentName = export.nameOf(org.parentCode());
            rows.add(new RankingRow(org, parentName != null ? parentName : org.parentCode()));
        }
        return new Table<>(RANKING, rows);
    }

    public static Table<RectificationRow> rectifications(EvaluationExport export) {
        List<RectificationRow> rows = export.ledger() == null
                ? export.result().rectifications().stream()
                        .map(item -> RectificationRow.of(item, export.nameOf(item.orgCode())))
                        .toList()
                : export.ledger().stream()
                        .map(item -> RectificationRow.of(item, export.nameOf(item.orgCode()), export.asOf()))
                        .toList();
        return new Table<>(RECTIFICATIONS, rows);
    }

    /** Tier counts per organization type, every type in the policy's order, then the total. */
    public static Table<TierCount> countsByType(EvaluationExport export) {
        List<TierCount> rows = new ArrayList<>(TierCount.byType(export.result().organizations()));
        rows.add(TierCount.total(export.result().organizations()));
        return new Table<>(COUNTS_BY_TYPE, rows);
    }

    /** Tier counts per parent (township, street, committee), by parent code, then the total. */
    public static Table<TierCount> countsByParent(EvaluationExport export) {
        List<TierCount> rows = new ArrayList<>(TierCount.byParent(export.result().organizations(), export::nameOf));
        rows.add(TierCount.total(export.result().organizations()));
        return new Table<>(COUNTS_BY_PARENT, rows);
    }

    /** "W-01 书记长期空缺；W-02 组织生活不正常": the triggers with their situations, in policy order. */
    static String weakSituations(OrganizationResult org) {
        return org.weakTriggers().stream()
                .map(id -> {
                    String situation = org.reasons().get(id);
                    return situation == null || situation.isBlank() ? id : id + " " + situation;
                })
                .collect(Collectors.joining("；"));
    }

    private static List<Column<TierCount>> countColumns(List<Column<TierCount>> leading) {
        List<Column<TierCount>> columns = new ArrayList<>(leading);
        for (Tier tier : TIERS_BEST_FIRST) {
            columns.add(new Column<>(tier.label(), 10, c -> CellValue.whole(c.count(tier))));
        }
        columns.add(new Column<>("合计", 10, c -> CellValue.whole(c.total())));
        return List.copyOf(columns);
    }
}
