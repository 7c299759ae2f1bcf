package org.grassroots.assessment.model;

public enum VisitMode {
    OPEN("明察"), COVERT("暗访");

    private final String label;

    VisitMode(String label) { this.label = label; }

    public String label() { return label; }
}
