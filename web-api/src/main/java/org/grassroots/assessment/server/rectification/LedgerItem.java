package org.grassroots.assessment.server.rectification;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.rectification.RectificationHistory;
import org.grassroots.assessment.rectification.RectificationStep;

/**
 * One rectification item (整改台账) as stored, with its steps in the order recorded.
 * {@code visitDate} and {@code findingWithdrawn} come from the item's finding (INSPECTION only):
 * an item whose finding was withdrawn counts as WITHDRAWN. {@code version}: the stored row's optimistic
 * lock as read (see {@link RectificationItem}).
 */
public record LedgerItem(
        long id,
        String itemKey,
        String orgCode,
        RectificationSource source,
        String rule,
        String period,
        String visitId,
        Integer position,
        String description,
        LocalDate anchorDate,
        Integer dueDays,
        LocalDate deadline,
        LocalDate visitDate,
        boolean findingWithdrawn,
        List<LedgerStep> steps,
        long version) {

    /** Policy section 5: organization code, deadline, rule id, visit id, the finding's position. */
    public static final Comparator<LedgerItem> LEDGER_ORDER = Comparator
            .comparing(LedgerItem::orgCode)
            .thenComparing(LedgerItem::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(LedgerItem::rule)
            .thenComparing(LedgerItem::visitId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(LedgerItem::position, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(LedgerItem::id);

    public LedgerItem {
        steps = List.copyOf(steps);
    }

    /** The key of a GRADING or STANDARD item: (organization, period, rule id). */
    public static String periodKey(RectificationSource source, String orgCode, String period, String rule) {
        return source.name() + ':' + orgCode + ':' + period + ':' + rule;
    }

    /** The key of an INSPECTION item: its finding. */
    public static String inspectionKey(String visitId, int position) {
        return "INSPECTION:" + visitId + ':' + position;
    }

    public RectificationHistory history() {
        return new RectificationHistory(steps.stream().map(s -> new RectificationStep(s.kind(), s.date())).toList());
    }

    /** Policy section 0: the status set by the last step dated on or before the date. */
    public RectificationStatus statusAsOf(LocalDate date) {
        return findingWithdrawn ? RectificationStatus.WITHDRAWN : history().statusAsOf(date);
    }

    /** The status after every recorded step, whatever its date. */
    public RectificationStatus latestStatus() {
        return statusAsOf(LocalDate.MAX);
    }

    /** OPEN as of the date with a deadline before it. */
    public boolean overdueAsOf(LocalDate date) {
        return overdue(statusAsOf(date), deadline, date);
    }

    /** Overdue as of the date: OPEN then ({@code status}, its status as of the date) with a deadline before it. */
    public static boolean overdue(RectificationStatus status, LocalDate deadline, LocalDate date) {
        return status == RectificationStatus.OPEN && deadline != null && deadline.isBefore(date);
    }

    /**
     * Whether the item exists on the date: an INSPECTION item from its visit's date, a GRADING or
     * STANDARD one from the earliest as-of date that produced it.
     */
    public boolean existsOn(LocalDate date) {
        LocalDate from = source == RectificationSource.INSPECTION ? visitDate : anchorDate;
        return from == null || !from.isAfter(date);
    }

    /** The same item with what its finding says: its visit's date and whether it was withdrawn. */
    public LedgerItem withFinding(LocalDate date, boolean withdrawn) {
        return new LedgerItem(id, itemKey, orgCode, source, rule, period, visitId, position, description, anchorDate,
                dueDays, deadline, date, withdrawn, steps, version);
    }

    /** The date of the last recorded step, or null. */
    public LocalDate lastStepDate() {
        return steps.stream().map(LedgerStep::date).max(Comparator.naturalOrder()).orElse(null);
    }
}
