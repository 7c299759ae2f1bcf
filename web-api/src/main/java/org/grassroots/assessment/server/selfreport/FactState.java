package org.grassroots.assessment.server.selfreport;

/** Where one fact of a self-report stands. */
public enum FactState {
    /** Never submitted (the representative may have entered a value). */
    NEW("未提交"),
    /** Submitted, waiting for the reviewer. */
    SUBMITTED("待审核"),
    /** Sent back by the reviewer with a reason. */
    RETURNED("已退回"),
    /** Approved: the value evaluations use. */
    APPROVED("已批准");

    private final String label;

    FactState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
