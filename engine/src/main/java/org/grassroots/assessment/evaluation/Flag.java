package org.grassroots.assessment.evaluation;

/** Flags in policy order. */
public enum Flag {
    TIER_CAPPED("定级封顶"), REVERSE_RANKED("倒排");

    private final String label;

    Flag(String label) { this.label = label; }

    public String label() { return label; }
}
