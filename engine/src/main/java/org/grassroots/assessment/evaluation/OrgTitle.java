package org.grassroots.assessment.evaluation;

/** Organization titles in policy order. */
public enum OrgTitle {
    THREE_FORCES("三力党组织"), DEMONSTRATION_CANDIDATE("示范点推荐");

    private final String label;

    OrgTitle(String label) { this.label = label; }

    public String label() { return label; }
}
