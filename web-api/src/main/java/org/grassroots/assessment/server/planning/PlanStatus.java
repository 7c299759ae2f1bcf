package org.grassroots.assessment.server.planning;

/** A plan is proposed and adjusted as a draft (草拟), then confirmed (已确认); it can still be adjusted. */
public enum PlanStatus {
    DRAFT("草拟"),
    CONFIRMED("已确认");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
