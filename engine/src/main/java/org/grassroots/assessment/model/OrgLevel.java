package org.grassroots.assessment.model;

public enum OrgLevel {
    COMMITTEE("党委/党工委"), GENERAL_BRANCH("党总支"), BRANCH("党支部");

    private final String label;

    OrgLevel(String label) { this.label = label; }

    public String label() { return label; }
}
