package org.grassroots.assessment.server.rectification;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.rectification.StepKind;

/**
 * One item of the rectification ledger (整改台账) as the aggregate that people change one at a time:
 * the item and its lifecycle steps, ordered by id. {@code version} is its optimistic lock: every
 * change of the item or of its steps adds one (the lifecycle through Hibernate, the evaluation's
 * ledger sync through {@link LedgerRepository}), so of two concurrent changes one is refused.
 */
@Entity
@Table(name = "rectification_item")
public class RectificationItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "item_key", nullable = false, updatable = false)
    private String itemKey;

    @Column(name = "org_code", nullable = false, updatable = false)
    private String orgCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RectificationSource source;

    @Column(nullable = false, updatable = false)
    private String rule;

    @Column(updatable = false)
    private String period;

    @Column(name = "visit_id", updatable = false)
    private String visitId;

    @Column(updatable = false)
    private Integer position;

    @Column(nullable = false)
    private String description;

    @Column(name = "anchor_date")
    private LocalDate anchorDate;

    @Column(name = "due_days")
    private Integer dueDays;

    private LocalDate deadline;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "item", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<RectificationStep> steps = new ArrayList<>();

    protected RectificationItem() {
        // for Hibernate
    }

    /** A new GRADING or STANDARD item of a period, due {@code dueDays} after {@code anchorDate}. */
    public static RectificationItem ofPeriod(RectificationSource source, String orgCode, String period, String rule,
            String description, LocalDate anchorDate, int dueDays, Instant createdAt) {
        RectificationItem item = new RectificationItem();
        item.itemKey = LedgerItem.periodKey(source, orgCode, period, rule);
        item.orgCode = orgCode;
        item.source = source;
        item.rule = rule;
        item.period = period;
        item.description = description;
        item.anchorDate = anchorDate;
        item.dueDays = dueDays;
        item.deadline = anchorDate.plusDays(dueDays);
        item.createdAt = createdAt;
        return item;
    }

    /** Appends a lifecycle step; the item's version goes up when the change is flushed. */
    public RectificationStep append(StepKind kind, LocalDate date, Instant recordedAt, String actor, String note,
            String evidenceJson) {
        RectificationStep step = new RectificationStep(this, kind, date, recordedAt, actor, note, evidenceJson);
        steps.add(step);
        return step;
    }

    /** The item as the ledger's readers see it, without what its finding says (see {@link LedgerRepository#withFindings}). */
    public LedgerItem toLedgerItem() {
        return new LedgerItem(id, itemKey, orgCode, source, rule, period, visitId, position, description, anchorDate,
                dueDays, deadline, null, false, steps.stream().map(RectificationStep::toLedgerStep).toList(), version);
    }

    public Long getId() {
        return id;
    }

    public String getItemKey() {
        return itemKey;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public RectificationSource getSource() {
        return source;
    }

    public String getPeriod() {
        return period;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public long getVersion() {
        return version;
    }

    public List<RectificationStep> getSteps() {
        return Collections.unmodifiableList(steps);
    }
}
