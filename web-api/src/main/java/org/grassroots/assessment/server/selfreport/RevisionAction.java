package org.grassroots.assessment.server.selfreport;

/** What a revision of a fact records. */
public enum RevisionAction {
    SUBMITTED("提交"),
    APPROVED("批准"),
    RETURNED("退回");

    private final String label;

    RevisionAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
