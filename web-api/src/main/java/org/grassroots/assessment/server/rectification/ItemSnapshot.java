package org.grassroots.assessment.server.rectification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.RectificationStatus;

/**
 * A ledger item as an evaluation issued it (docs/formats.md section 2, {@code rectifications[]}),
 * with the item's ledger {@code id} so that clients can act on it.
 */
public record ItemSnapshot(
        long id,
        String orgCode,
        RectificationSource source,
        String rule,
        @JsonInclude(JsonInclude.Include.NON_NULL) String visitId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer position,
        String description,
        LocalDate deadline,
        RectificationStatus status,
        boolean overdue) {

    /** Policy section 5. */
    public static final Comparator<ItemSnapshot> LEDGER_ORDER = Comparator
            .comparing(ItemSnapshot::orgCode)
            .thenComparing(ItemSnapshot::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ItemSnapshot::rule)
            .thenComparing(ItemSnapshot::visitId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ItemSnapshot::position, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(ItemSnapshot::id);

    public static ItemSnapshot of(LedgerItem item, LocalDate asOf) {
        return new ItemSnapshot(item.id(), item.orgCode(), item.source(), item.rule(), item.visitId(), item.position(),
                item.description(), item.deadline(), item.statusAsOf(asOf), item.overdueAsOf(asOf));
    }

    /**
     * The items a result lists as of the date, by organization code, each list in ledger order: those
     * that exist on the date and are OPEN or SUBMITTED as of it (docs/formats.md section 2).
     */
    public static Map<String, List<ItemSnapshot>> listedAsOf(Collection<LedgerItem> items, LocalDate asOf) {
        Map<String, List<ItemSnapshot>> byOrg = new TreeMap<>();
        for (LedgerItem item : items) {
            if (!item.existsOn(asOf)) {
                continue;
            }
            RectificationStatus status = item.statusAsOf(asOf);
            if (status == RectificationStatus.OPEN || status == RectificationStatus.SUBMITTED) {
                byOrg.computeIfAbsent(item.orgCode(), k -> new ArrayList<>()).add(of(item, asOf));
            }
        }
        byOrg.values().forEach(list -> list.sort(LEDGER_ORDER));
        return byOrg;
    }

    public RectificationItem toEngine() {
        return new RectificationItem(orgCode, source, rule, visitId, position, description, deadline, status, overdue);
    }
}
