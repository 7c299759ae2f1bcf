package org.grassroots.assessment.model;

public enum DemonstrationLevel {
    NONE("无"), DISTRICT("区级"), CITY("市级");

    private final String label;

    DemonstrationLevel(String label) { this.label = label; }

    public String label() { return label; }
}
