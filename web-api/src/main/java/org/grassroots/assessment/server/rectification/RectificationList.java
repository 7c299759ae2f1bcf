package org.grassroots.assessment.server.rectification;

import java.time.LocalDate;
import java.util.List;

/** A page of the rectification list in ledger order; {@code total} counts every match. */
public record RectificationList(LocalDate asOf, long total, int page, Integer size, List<RectificationView> items) {

    public RectificationList withItems(List<RectificationView> shown) {
        return new RectificationList(asOf, total, page, size, shown);
    }
}
