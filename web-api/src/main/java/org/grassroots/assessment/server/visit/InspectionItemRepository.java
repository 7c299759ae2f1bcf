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
import org.grassroots.assessment.server.storage.BatchInsertRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The INSPECTION items of the rectification list (policy section 5): one per finding, opened when
 * its visit is stored, keyed {@code INSPECTION:<visitId>:<position>}, due the visit date plus the
 * days of the finding's severity in effect. An imported ledger state becomes the item's steps.
 */
@Repository
public class InspectionItemRepository {

    /** Who recorded the steps that a bundle's (or a posted visit's) ledger state stands for. */
    public static final String IMPORT_ACTOR = "import";
    private static final int BATCH_SIZE = 1000;

    private record Step(String itemKey, RectificationStep step) {
    }

    private record IdStep(long itemId, RectificationStep step) {
    }

    private static final BatchInsertRepository ITEMS = new BatchInsertRepository("rectification_item",
            List.of("item_key", "org_code", "source", "rule", "period", "visit_id", "position", "description",
                    "anchor_date", "due_days", "deadline", "created_at"));

    private static final BatchInsertRepository STEPS = new BatchInsertRepository("rectification_step",
            List.of("item_id", "kind", "step_date", "recorded_at", "actor"));

    private record Item(String key, Visit visit, int position, Finding finding) {
    }

    private final JdbcClient jdbc;
    // JdbcClient has no batch API: the bulk writes stay JDBC batches on JdbcTemplate
    private final JdbcTemplate batch;

    InspectionItemRepository(JdbcClient jdbc, JdbcTemplate batch) {
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
        for (Visit visit : visits) {
            for (int position = 0; position < visit.findings().size(); position++) {
                items.add(new Item(key(visit.visitId(), position), visit, position, visit.findings().get(position)));
            }
        }
        // many rows to a statement, each row's generated id returned with its key
        Map<String, Long> ids = ITEMS.insertReturningIds(batch, items, item -> {
            Severity severity = catalog.severityOf(item.finding().item(), item.finding().severity());
            int days = catalog.rectifyDays(severity);
            LocalDate date = item.visit().date();
            return new Object[] {item.key(), item.visit().orgCode(), "INSPECTION", item.finding().item(), null,
                item.visit().visitId(), item.position(), description(catalog, item.finding()), date, days,
                date.plusDays(days), now};
        }, "id", "item_key");
        List<IdStep> steps = new ArrayList<>();
        for (Item item : items) {
            long id = ids.get(item.key());
            RectificationHistory.imported(item.finding().rectification()).steps()
                    .forEach(step -> steps.add(new IdStep(id, step)));
        }
        // the items' generated ids, not a look-up of each step's item by its key
        STEPS.insert(batch, steps,
                s -> new Object[] {s.itemId(), s.step().kind().name(), s.step().date(), now, IMPORT_ACTOR});
    }

    /**
     * Appends a WITHDRAW step to a finding's item and adds one to the item's version, so that a
     * lifecycle step taken on the item meanwhile (optimistic locking) is refused rather than lost.
     */
    public void withdraw(String visitId, int position, LocalDate date, String actor, String reason, OffsetDateTime now) {
        String key = key(visitId, position);
        addSteps(List.of(new Step(key, new RectificationStep(StepKind.WITHDRAW, date))), actor, reason, now);
        jdbc.sql("update rectification_item set version = version + 1 where item_key = :key").param("key", key).update();
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
