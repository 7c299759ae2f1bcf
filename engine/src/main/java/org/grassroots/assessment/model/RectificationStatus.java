package org.grassroots.assessment.model;

/** Status of a rectification item (整改台账) as of a date. */
public enum RectificationStatus {
    OPEN("待整改"), SUBMITTED("待核验"), VERIFIED("已销号"), WITHDRAWN("已撤销");

    private final String label;

    RectificationStatus(String label) { this.label = label; }

    public String label() { return label; }
}
