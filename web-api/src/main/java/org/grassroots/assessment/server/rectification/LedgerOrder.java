package org.grassroots.assessment.server.rectification;

import java.util.Comparator;

/** How a ledger list is ordered before it is paged; ties always fall back to the policy's order. */
public enum LedgerOrder {
    /** Policy section 5: organization code, deadline, rule id, visit id, the finding's position. */
    POLICY("组织编码", LedgerItem.LEDGER_ORDER),
    /** The nearest deadline first (the most overdue at the top). */
    DEADLINE("整改期限", Comparator.comparing(LedgerItem::deadline).thenComparing(LedgerItem.LEDGER_ORDER));

    private final String label;
    private final Comparator<LedgerItem> comparator;

    LedgerOrder(String label, Comparator<LedgerItem> comparator) {
        this.label = label;
        this.comparator = comparator;
    }

    public String label() {
        return label;
    }

    Comparator<LedgerItem> comparator() {
        return comparator;
    }

    /** The order a request parameter names; the policy's for anything else. */
    public static LedgerOrder parse(String name) {
        for (LedgerOrder o : values()) {
            if (o.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return o;
            }
        }
        return POLICY;
    }
}
