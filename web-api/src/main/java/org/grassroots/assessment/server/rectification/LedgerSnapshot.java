package org.grassroots.assessment.server.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.storage.Stamped;
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

    /** The ledger read under one stamp, with what was derived from it per date. */
    private record Ledger(List<LedgerItem> items, Map<LocalDate, Dated> dated) {
    }

    /**
     * Every item of the ledger in the policy's order, each with its status as of a date (same index),
     * and the lists derived from them ({@link #list}): kept with the ledger they were derived from, so
     * a new ledger (another stamp) starts without them.
     */
    static final class Dated {

        private final List<LedgerItem> items;
        private final List<RectificationStatus> statuses;
        /** Lists of these items by what they depend on besides them (a filter's terms and order), least recently used first. */
        private final Map<Object, List<LedgerItem>> lists = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, List<LedgerItem>> eldest) {
                return size() > KEPT_LISTS;
            }
        };

        Dated(List<LedgerItem> items, List<RectificationStatus> statuses) {
            this.items = items;
            this.statuses = statuses;
        }

        List<LedgerItem> items() {
            return items;
        }

        List<RectificationStatus> statuses() {
            return statuses;
        }

        /**
         * The list kept under the key, else the one {@code derive} makes (kept then, unmodifiable);
         * the key must hold everything the list depends on besides these items and statuses.
         */
        List<LedgerItem> list(Object key, Supplier<List<LedgerItem>> derive) {
            synchronized (lists) {
                List<LedgerItem> kept = lists.get(key);
                if (kept != null) {
                    return kept;
                }
            }
            List<LedgerItem> derived = Collections.unmodifiableList(derive.get());
            synchronized (lists) {
                lists.put(key, derived);
            }
            return derived;
        }
    }

    /** How many dates' statuses are kept for the ledger held (the page's date is mostly today's). */
    private static final int DATES = 4;
    /** How many lists are kept per date (each at most the whole ledger's references). */
    static final int KEPT_LISTS = 4;

    private final Stamped<LedgerRepository.LedgerStamp, Ledger> held;

    LedgerSnapshot(LedgerRepository ledger) {
        this.held = new Stamped<>(ledger::stamp, stamp -> {
            List<LedgerItem> items = new ArrayList<>(ledger.find("1 = 1", List.of(), true));
            items.sort(LedgerItem.LEDGER_ORDER);
            return new Ledger(List.copyOf(items), new ConcurrentHashMap<>());
        });
    }

    /** Every item of the ledger with its steps and findings, in the policy's order; do not change the list. */
    List<LedgerItem> all() {
        return held.get().items();
    }

    /**
     * Every item of the ledger with its status as of the date, derived once per date from the steps
     * of the ledger held (which a write replaces), not on every read.
     */
    Dated asOf(LocalDate date) {
        Ledger current = held.get();
        Dated dated = current.dated().get(date);
        if (dated == null) {
            List<RectificationStatus> derived = new ArrayList<>(current.items().size());
            for (LedgerItem item : current.items()) {
                derived.add(item.statusAsOf(date));
            }
            Dated fresh = new Dated(current.items(), Collections.unmodifiableList(derived));
            synchronized (current.dated()) {
                if (current.dated().size() >= DATES) {
                    current.dated().clear();
                }
                dated = current.dated().putIfAbsent(date, fresh);
                if (dated == null) {
                    dated = fresh;
                }
            }
        }
        return dated;
    }
}
