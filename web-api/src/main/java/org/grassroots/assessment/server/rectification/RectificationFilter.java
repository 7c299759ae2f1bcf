package org.grassroots.assessment.server.rectification;

import java.time.LocalDate;
import java.util.Set;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.RectificationStatus;

/**
 * The rectification list's filters; every one optional. {@code statuses} empty means every status
 * but WITHDRAWN; {@code size} null means no paging.
 */
public record RectificationFilter(
        String orgCode,
        boolean subtree,
        Set<RectificationStatus> statuses,
        RectificationSource source,
        Boolean overdue,
        LocalDate dueBefore,
        String period,
        LocalDate asOf,
        int page,
        Integer size) {

    public RectificationFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /**
     * The ledger's filters (整改台账), one definition for the office's page and the export's 整改台账
     * sheet, so that both list the same items: the organization with its subtree, one status (a name
     * of {@link RectificationStatus}; blank or unknown: every status but WITHDRAWN), only overdue
     * ones, every period (open items of earlier periods included), as of a date (null: today).
     *
     * @param size the page size, null for every item
     */
    public static RectificationFilter ledger(String orgCode, String status, boolean overdue, LocalDate asOf,
            Integer size) {
        RectificationStatus chosen = null;
        for (RectificationStatus s : RectificationStatus.values()) {
            if (s.name().equals(status)) {
                chosen = s;
            }
        }
        String org = orgCode == null || orgCode.isBlank() ? null : orgCode.strip();
        return new RectificationFilter(org, true, chosen == null ? null : Set.of(chosen), null,
                overdue ? Boolean.TRUE : null, null, null, asOf, 0, size);
    }

    /** The same filter, a page of {@code size} items from {@code page} (0 first). */
    public RectificationFilter onPage(int page, int size) {
        return new RectificationFilter(orgCode, subtree, statuses, source, overdue, dueBefore, period, asOf,
                Math.max(0, page), size);
    }

    boolean admits(RectificationStatus status) {
        return statuses.isEmpty() ? status != RectificationStatus.WITHDRAWN : statuses.contains(status);
    }
}
