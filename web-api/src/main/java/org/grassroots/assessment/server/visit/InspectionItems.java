package org.grassroots.assessment.server.visit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.ChecklistItem;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.rectification.RectificationHistory;
import org.grassroots.assessment.rectification.RectificationStep;
import org.grassroots.assessment.rectification.StepKind;
import org.grassroots.assessment.ruleset.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The INSPECTION items of the rectification list (policy section 5): one per finding, opened when
 * its visit is stored, keyed {@code INSPECTION:<visitId>:<position>}, due the visit date plus the
 * days of the finding's severity in effect. An imported ledger state becomes the item's steps.
 */
@Repository
public class InspectionItems {

    /** Who recorded the steps that a bundle's (or a posted visit's) ledger state stands for. */
    public static final String IMPORT_ACTOR = "import";
    private static final int BATCH_SIZE = 1000;

    private record Step(String itemKey, RectificationStep step) {
    }

    private record Item(String key, Visit visit, int position, Finding finding) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    InspectionItems(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public static String key(String visitId, int position) {
        return "INSPECTION:" + visitId + ":" + position;
    }

    /** The description of a finding's item: the checklist item's Chinese name, and the note when there is one. */
    public static String description(RuleCatalog catalog, Finding finding) {
        String name = catalog.item(finding.item()).map(ChecklistItem::name).orElse(finding.item());
        return finding.note() == null || finding.note().isBlank() ? name : name + "：" + finding.note();
    }

    /** Opens the items of the findings of newly stored visits, with the steps of their imported states. */
    public void open(List<Visit> visits, RuleCatalog catalog, OffsetDateTime now) {
        List<Item> items = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (Visit visit : visits) {
            for (int position = 0; position < visit.findings().size(); position++) {
                Finding finding = visit.findings().get(position);
                String key = key(visit.visitId(), position);
                items.add(new Item(key, visit, position, finding));
                RectificationHistory.imported(finding.rectification()).steps()
                        .forEach(step -> steps.add(new Step(key, step)));
            }
        }
        batch.batchUpdate("insert into rectification_item (item_key, org_code, source, rule, period, visit_id, position,"
                + " description, anchor_date, due_days, deadline, created_at)"
                + " values (?, ?, 'INSPECTION', ?, null, ?, ?, ?, ?, ?, ?, ?)", items, BATCH_SIZE, (ps, item) -> {
                    Severity severity = catalog.severityOf(item.finding().item(), item.finding().severity());
                    int days = catalog.rectifyDays(severity);
                    LocalDate date = item.visit().date();
                    ps.setString(1, item.key());
                    ps.setString(2, item.visit().orgCode());
                    ps.setString(3, item.finding().item());
                    ps.setString(4, item.visit().visitId());
                    ps.setInt(5, item.position());
                    ps.setString(6, description(catalog, item.finding()));
                    ps.setObject(7, date);
                    ps.setInt(8, days);
                    ps.setObject(9, date.plusDays(days));
                    ps.setObject(10, now);
                });
        addSteps(steps, IMPORT_ACTOR, null, now);
    }

    /** Appends a WITHDRAW step to a finding's item. */
    public void withdraw(String visitId, int position, LocalDate date, String actor, String reason, OffsetDateTime now) {
        addSteps(List.of(new Step(key(visitId, position), new RectificationStep(StepKind.WITHDRAW, date))), actor, reason,
                now);
    }

    /** The ids of the items of a visit's findings, by position. */
    public Map<Integer, Long> itemIds(String visitId) {
        Map<Integer, Long> ids = new HashMap<>();
        jdbc.sql("select position, id from rectification_item where item_key like :prefix escape '!'")
                .param("prefix", ("INSPECTION:" + visitId + ":").replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_") + "%")
                .query(rs -> {
                    ids.put(rs.getInt("position"), rs.getLong("id"));
                });
        return ids;
    }

    private void addSteps(List<Step> steps, String actor, String note, OffsetDateTime now) {
        batch.batchUpdate("insert into rectification_step (item_id, kind, step_date, recorded_at, actor, note)"
                + " select id, ?, ?, ?, ?, ? from rectification_item where item_key = ?", steps, BATCH_SIZE, (ps, s) -> {
                    ps.setString(1, s.step().kind().name());
                    ps.setObject(2, s.step().date());
                    ps.setObject(3, now);
                    ps.setString(4, actor);
                    ps.setString(5, note);
                    ps.setString(6, s.itemKey());
                });
    }
}
