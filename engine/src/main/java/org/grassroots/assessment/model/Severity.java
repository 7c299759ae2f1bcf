package org.grassroots.assessment.model;

public enum Severity {
    MINOR("一般"), MAJOR("较重"), CRITICAL("严重");

    private final String label;

    Severity(String label) { this.label = label; }

    public String label() { return label; }
}
