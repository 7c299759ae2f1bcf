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

    boolean admits(RectificationStatus status) {
        return statuses.isEmpty() ? status != RectificationStatus.WITHDRAWN : statuses.contains(status);
    }
}
