package org.grassroots.assessment.server.rectification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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

    private record Held(LedgerRepository.LedgerStamp stamp, List<LedgerItem> items) {
    }

    private final LedgerRepository ledger;
    private final AtomicReference<Held> held = new AtomicReference<>();

    LedgerSnapshot(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    /** Every item of the ledger with its steps and findings, in the policy's order; do not change the list. */
    List<LedgerItem> all() {
        LedgerRepository.LedgerStamp stamp = ledger.stamp();
        Held current = held.get();
        if (current != null && current.stamp().equals(stamp)) {
            return current.items();
        }
        List<LedgerItem> items = new ArrayList<>(ledger.find("1 = 1", List.of(), true));
        items.sort(LedgerItem.LEDGER_ORDER);
        List<LedgerItem> kept = List.copyOf(items);
        // read after the stamp: a write in between gives a newer ledger under an older stamp, which
        // the next use's stamp no longer matches, so it is read again then
        held.set(new Held(stamp, kept));
        return kept;
    }
}
