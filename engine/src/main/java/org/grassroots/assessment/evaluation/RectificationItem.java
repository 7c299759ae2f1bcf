package org.grassroots.assessment.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Comparator;
import org.grassroots.assessment.model.RectificationStatus;

/**
 * A rectification item (整改台账) as of the as-of date. {@code visitId} and {@code position} (the
 * finding's index in its visit) are set for INSPECTION items only.
 */
public record RectificationItem(
        String orgCode,
        RectificationSource source,
        String rule,
        @JsonInclude(JsonInclude.Include.NON_NULL) String visitId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer position,
        String description,
        LocalDate deadline,
        RectificationStatus status,
        boolean overdue) {

    /** Policy section 5: organization code, deadline, rule id, visit id, the finding's position. */
    public static final Comparator<RectificationItem> LEDGER_ORDER = Comparator
            .comparing(RectificationItem::orgCode)
            .thenComparing(RectificationItem::deadline)
            .thenComparing(RectificationItem::rule)
            .thenComparing(RectificationItem::visitId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(RectificationItem::position, Comparator.nullsFirst(Comparator.naturalOrder()));
}
