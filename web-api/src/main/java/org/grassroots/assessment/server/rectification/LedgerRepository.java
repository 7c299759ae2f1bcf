package org.grassroots.assessment.server.rectification;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.rectification.StepKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

/**
 * The rectification ledger's tables (rectification_item, rectification_step) over JDBC: items are
 * read with all their steps in two queries whatever their number, and written in batches.
 */
@Repository
public class LedgerRepository {

    private static final String ITEMS = "select i.id, i.item_key, i.org_code, i.source, i.rule, i.period, i.visit_id,"
            + " i.position, i.description, i.anchor_date, i.due_days, i.deadline, i.version from rectification_item i where ";
    private static final String STEPS = "select s.id, s.item_id, s.kind, s.step_date, s.recorded_at, s.actor, s.note,"
            + " s.evidence from rectification_step s join rectification_item i on i.id = s.item_id where ";
    private static final String ALL_STEPS = "select s.id, s.item_id, s.kind, s.step_date, s.recorded_at, s.actor,"
            + " s.note, s.evidence from rectification_step s";
    /** Up to this many visits, their dates and withdrawn findings are read by id rather than all at once. */
    private static final int MAX_IN_LIST = 500;
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    // JdbcClient has no batch API; the ledger sync writes items, updates and steps in batches of BATCH
    private final JdbcTemplate batch;

    public LedgerRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * INSPECTION items of the organizations in scope, with their steps but without what their finding
     * says ({@code visitDate} null, not withdrawn): the caller, which has read the findings, attaches it.
     */
    public List<LedgerItem> inspectionItems(OrgScope scope) {
        return query("i.source = 'INSPECTION' and " + scope.condition("i.org_code"), new ArrayList<>(scope.args()),
                scope.isAll());
    }

    /** GRADING and STANDARD items of a period, with their steps. */
    public List<LedgerItem> periodItems(String period, OrgScope scope) {
        List<Object> args = new ArrayList<>();
        args.add(period);
        args.addAll(scope.args());
        return query("i.source in ('GRADING', 'STANDARD') and i.period = ? and " + scope.condition("i.org_code"), args,
                false);
    }

    /**
     * Items matching an SQL condition over {@code i} (rectification_item), with their steps and, for
     * INSPECTION items, their visit's date and whether their finding was withdrawn.
     */
    public List<LedgerItem> find(String condition, List<Object> args) {
        return find(condition, args, false);
    }

    /** As {@link #find(String, List)}; {@code most}: the condition matches most of the ledger. */
    public List<LedgerItem> find(String condition, List<Object> args, boolean most) {
        return withFindings(query(condition, args, most));
    }

    /**
     * What the ledger holds, in a few numbers that change with every write to it: items added (count,
     * highest id) or changed (every update raises an item's version), steps appended, visits stored.
     * A withdrawn finding needs no number of its own: the withdrawal appends a WITHDRAW step to the
     * finding's item and raises its version in the same transaction (a finding without an item is on
     * no list). Equal stamps: the ledger read before is still what a read would give.
     */
    public LedgerStamp stamp() {
        // versions start at 0: the range reads only the index's few entries that count
        // (rectification_item_version), not a million rows
        return jdbc.sql("select (select count(*) from rectification_item), (select coalesce(max(id), 0) from"
                + " rectification_item), (select coalesce(sum(version), 0) from rectification_item where version >= 1),"
                + " (select count(*) from rectification_step), (select coalesce(max(id), 0) from rectification_step),"
                + " (select count(*) from visit)")
                .query((rs, n) -> new LedgerStamp(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .single();
    }

    /** See {@link #stamp()}. */
    public record LedgerStamp(long items, long lastItem, long versions, long steps, long lastStep, long visits) {
    }

    /** The items with, for INSPECTION items, their visit's date and whether their finding was withdrawn. */
    public List<LedgerItem> withFindings(List<LedgerItem> items) {
        Set<String> visits = new HashSet<>();
        items.forEach(i -> {
            if (i.visitId() != null) {
                visits.add(i.visitId());
            }
        });
        if (visits.isEmpty()) {
            return items;
        }
        Map<String, LocalDate> dates = new HashMap<>();
        Canonical one = new Canonical();
        Set<String> withdrawn = new HashSet<>();
        String byId = visits.size() <= MAX_IN_LIST
                ? " in (" + String.join(", ", Collections.nCopies(visits.size(), "?")) + ")" : null;
        Object[] ids = byId == null ? new Object[0] : visits.toArray();
        jdbc.sql("select visit_id, visit_date from visit" + (byId == null ? "" : " where visit_id" + byId)).params(ids)
                .query(rs -> {
                    dates.put(rs.getString(1), one.of(rs.getObject(2, LocalDate.class)));
                });
        jdbc.sql("select visit_id, position from finding where withdrawn_at is not null"
                + (byId == null ? "" : " and visit_id" + byId)).params(ids).query(rs -> {
                    withdrawn.add(LedgerItem.inspectionKey(rs.getString(1), rs.getInt(2)));
                });
        List<LedgerItem> attached = new ArrayList<>(items.size());
        for (LedgerItem i : items) {
            attached.add(i.visitId() == null ? i : i.withFinding(dates.get(i.visitId()),
                    i.position() != null && withdrawn.contains(LedgerItem.inspectionKey(i.visitId(), i.position()))));
        }
        return attached;
    }

    /**
     * Items and their steps, two queries whatever their number; nothing of their findings.
     * {@code everyStep}: read the steps of every item, which is faster than a join when the items
     * are most of the ledger.
     */
    private List<LedgerItem> query(String condition, List<Object> args, boolean everyStep) {
        Map<Long, List<LedgerStep>> steps = new HashMap<>();
        Canonical one = new Canonical();
        jdbc.sql(everyStep ? ALL_STEPS : STEPS + condition).params(everyStep ? List.of() : args).query(rs -> {
            LedgerStep step = step(rs, one);
            steps.computeIfAbsent(step.itemId(), k -> new ArrayList<>()).add(step);
        });
        steps.values().forEach(list -> list.sort(Comparator.comparingLong(LedgerStep::id)));
        List<LedgerItem> items = new ArrayList<>();
        jdbc.sql(ITEMS + condition).params(args).query(rs -> {
            items.add(item(rs, steps.getOrDefault(rs.getLong("id"), List.of()), one));
        });
        return items;
    }

    public void insertItems(List<NewItem> items, Instant now) {
        String sql = "insert into rectification_item (item_key, org_code, source, rule, period, visit_id, position,"
                + " description, anchor_date, due_days, deadline, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        batch.batchUpdate(sql, items, BATCH, (ps, it) -> {
            ps.setString(1, it.itemKey());
            ps.setString(2, it.orgCode());
            ps.setString(3, it.source().name());
            ps.setString(4, it.rule());
            setString(ps, 5, it.period());
            setString(ps, 6, it.visitId());
            setInt(ps, 7, it.position());
            ps.setString(8, it.description());
            setDate(ps, 9, it.anchorDate());
            setInt(ps, 10, it.dueDays());
            setDate(ps, 11, it.deadline());
            ps.setObject(12, at);
        });
    }

    /**
     * Sets anchor date, due days, deadline and description of existing items and adds one to their
     * version, each only if its version is still the one read: an item changed meanwhile (a
     * representative's submission) fails the whole transaction, as Hibernate's {@code @Version} does.
     */
    public void updateItems(List<ItemUpdate> updates) {
        int[][] counts = batch.batchUpdate("update rectification_item set anchor_date = ?, due_days = ?, deadline = ?,"
                + " description = ?, version = version + 1 where id = ? and version = ?", updates, BATCH, (ps, u) -> {
                    setDate(ps, 1, u.anchorDate());
                    setInt(ps, 2, u.dueDays());
                    setDate(ps, 3, u.deadline());
                    ps.setString(4, u.description());
                    ps.setLong(5, u.id());
                    ps.setLong(6, u.version());
                });
        int index = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                // SUCCESS_NO_INFO: the driver does not say; the statement ran
                if (count == 0) {
                    throw new ObjectOptimisticLockingFailureException(RectificationItem.class, updates.get(index).id());
                }
                index++;
            }
        }
    }

    public void insertSteps(List<NewStep> steps) {
        String sql = "insert into rectification_step (item_id, kind, step_date, recorded_at, actor, note, evidence)"
                + " values (?, ?, ?, ?, ?, ?, ?)";
        batch.batchUpdate(sql, steps, BATCH, (ps, s) -> {
            ps.setLong(1, s.itemId());
            ps.setString(2, s.kind().name());
            setDate(ps, 3, s.date());
            ps.setObject(4, s.recordedAt().atOffset(ZoneOffset.UTC));
            setString(ps, 5, s.actor());
            setString(ps, 6, s.note());
            setString(ps, 7, s.evidenceJson());
        });
    }

    /** A new item; {@code position} and {@code visitId} for INSPECTION items, {@code period} for the others. */
    public record NewItem(String itemKey, String orgCode, RectificationSource source, String rule, String period,
            String visitId, Integer position, String description, LocalDate anchorDate, Integer dueDays,
            LocalDate deadline) {
    }

    /** What an item is to become; {@code version}: the version it was read with. */
    public record ItemUpdate(long id, LocalDate anchorDate, Integer dueDays, LocalDate deadline, String description,
            long version) {

        /** The item as it is, to add one to its version when only steps are appended to it. */
        public static ItemUpdate unchanged(LedgerItem item) {
            return new ItemUpdate(item.id(), item.anchorDate(), item.dueDays(), item.deadline(), item.description(),
                    item.version());
        }
    }

    public record NewStep(long itemId, StepKind kind, LocalDate date, Instant recordedAt, String actor, String note,
            String evidenceJson) {
    }

    /** An item as read; {@code one}: this read's equal values as one object (the item keys are unique). */
    private static LedgerItem item(ResultSet rs, List<LedgerStep> steps, Canonical one) throws SQLException {
        return new LedgerItem(rs.getLong("id"), rs.getString("item_key"), one.of(rs.getString("org_code")),
                RectificationSource.valueOf(rs.getString("source")), one.of(rs.getString("rule")),
                one.of(rs.getString("period")), one.of(rs.getString("visit_id")), one.of(rs.getObject("position", Integer.class)),
                one.of(rs.getString("description")), one.of(rs.getObject("anchor_date", LocalDate.class)),
                one.of(rs.getObject("due_days", Integer.class)), one.of(rs.getObject("deadline", LocalDate.class)), null,
                false, steps, rs.getLong("version"));
    }

    /** A step as read; {@code one}: as for {@link #item}. */
    private static LedgerStep step(ResultSet rs, Canonical one) throws SQLException {
        OffsetDateTime recorded = rs.getObject("recorded_at", OffsetDateTime.class);
        return new LedgerStep(rs.getLong("id"), rs.getLong("item_id"), StepKind.valueOf(rs.getString("kind")),
                one.of(rs.getObject("step_date", LocalDate.class)), recorded == null ? null : one.of(recorded.toInstant()),
                one.of(rs.getString("actor")), one.of(rs.getString("note")), one.of(rs.getString("evidence")));
    }

    private static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(value));
        }
    }
}
