package org.grassroots.assessment.server.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.grassroots.assessment.model.RectificationStatus;
import org.springframework.stereotype.Component;

/**
 * The whole ledger, read once and kept while it does not change: the office's ledger page and the
 * export's 整改台账 sheet list from the whole district, and reading every item with its steps and
 * findings takes far longer than the page may (10,000 organizations hold about 120,000 items). Each
 * use first reads the ledger's {@link LedgerRepository.LedgerStamp} (a few counts, milliseconds);
 * a different stamp (any write, on any instance) reads the ledger again. Items are kept in the
 * policy's order (section 5).
 */
@Component
class LedgerSnapshot {

    private record Held(LedgerRepository.LedgerStamp stamp, List<LedgerItem> items,
            Map<LocalDate, List<RectificationStatus>> statuses) {
    }

    /** Every item of the ledger in the policy's order, each with its status as of a date (same index). */
    record Dated(List<LedgerItem> items, List<RectificationStatus> statuses) {
    }

    /** How many dates' statuses are kept for the ledger held (the page's date is mostly today's). */
    private static final int DATES = 4;

    private final LedgerRepository ledger;
    private final AtomicReference<Held> held = new AtomicReference<>();

    LedgerSnapshot(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    /** Every item of the ledger with its steps and findings, in the policy's order; do not change the list. */
    List<LedgerItem> all() {
        return held().items();
    }

    /**
     * Every item of the ledger with its status as of the date, derived once per date from the steps
     * of the ledger held (which a write replaces), not on every read.
     */
    Dated asOf(LocalDate date) {
        Held current = held();
        List<RectificationStatus> statuses = current.statuses().get(date);
        if (statuses == null) {
            List<RectificationStatus> derived = new ArrayList<>(current.items().size());
            for (LedgerItem item : current.items()) {
                derived.add(item.statusAsOf(date));
            }
            statuses = java.util.Collections.unmodifiableList(derived);
            synchronized (current.statuses()) {
                if (current.statuses().size() >= DATES) {
                    current.statuses().clear();
                }
                current.statuses().put(date, statuses);
            }
        }
        return new Dated(current.items(), statuses);
    }

    private Held held() {
        LedgerRepository.LedgerStamp stamp = ledger.stamp();
        Held current = held.get();
        if (current != null && current.stamp().equals(stamp)) {
            return current;
        }
        List<LedgerItem> items = new ArrayList<>(ledger.find("1 = 1", List.of(), true));
        items.sort(LedgerItem.LEDGER_ORDER);
        List<LedgerItem> kept = List.copyOf(items);
        // read after the stamp: a write in between gives a newer ledger under an older stamp, which
        // the next use's stamp no longer matches, so it is read again then
        Held read = new Held(stamp, kept, new java.util.concurrent.ConcurrentHashMap<>());
        held.set(read);
        return read;
    }
}
