package org.grassroots.assessment.server.selfreport;

import java.util.Collection;

/** Where a whole self-report stands, from its facts: what the office's progress counts. */
public enum ReportStatus {
    NOT_STARTED("未提交"),
    SUBMITTED("待审核"),
    RETURNED("已退回"),
    APPROVED("已批准");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Returned when any fact is returned (the representative has work to do), else submitted when any
     * waits for review, else approved when every fact is, else not started (nothing submitted yet).
     * A change the representative has not submitted leaves its fact where it was.
     */
    public static ReportStatus of(Collection<FactState> states) {
        if (states.contains(FactState.RETURNED)) {
            return RETURNED;
        }
        if (states.contains(FactState.SUBMITTED)) {
            return SUBMITTED;
        }
        if (!states.isEmpty() && states.stream().allMatch(s -> s == FactState.APPROVED)) {
            return APPROVED;
        }
        return NOT_STARTED;
    }
}
