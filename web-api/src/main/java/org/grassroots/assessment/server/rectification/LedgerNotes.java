package org.grassroots.assessment.server.rectification;

import java.time.LocalDate;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.RectificationStatus;

/**
 * What the ledger says beside an item, the same on the page and in the export: the period (考核期)
 * that produced it, and why an item of an earlier period still stands. GRADING and STANDARD items
 * are keyed by (organization, period, rule id) (policy section 5): only a later evaluation of the
 * same period withdraws one, so an open item of a period that ended before the as-of date stays on
 * the ledger until it is submitted and verified, even when a later period no longer produces it.
 */
public final class LedgerNotes {

    private LedgerNotes() {
    }

    /** "2026年度" or "2026年第3季度"; the text itself when it is no period; "—" when there is none. */
    public static String periodLabel(String period) {
        if (period == null || period.isBlank()) {
            return "—";
        }
        if (!Period.isValid(period)) {
            return period;
        }
        Period p = Period.parse(period);
        return p.isQuarter() ? p.year() + "年第" + p.quarter() + "季度" : p.year() + "年度";
    }

    /** Whether the item was produced for a period that ended before the as-of date and is not closed. */
    public static boolean carriedOver(RectificationView item, LocalDate asOf) {
        return item.source() != RectificationSource.INSPECTION && item.period() != null
                && Period.isValid(item.period()) && Period.parse(item.period()).end().isBefore(asOf)
                && (item.status() == RectificationStatus.OPEN || item.status() == RectificationStatus.SUBMITTED);
    }

    /**
     * "上期遗留：2025年度考评认定，……" for an item carried over from an earlier period, else null.
     */
    public static String why(RectificationView item, LocalDate asOf) {
        if (!carriedOver(item, asOf)) {
            return null;
        }
        return "上期遗留：" + periodLabel(item.period()) + "考评认定，整改项按考核期认定，以后各期考评不撤销；"
                + (item.status() == RectificationStatus.SUBMITTED ? "已提交整改，待核验后销号" : "提交整改并经核验后销号");
    }
}
