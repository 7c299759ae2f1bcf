package org.grassroots.assessment.evaluation;

/** What an explanation line adds to: one of the three forces, or the composite directly. */
public enum Dimension {
    COHESION("凝聚力"), CHARISMA("魅力"), COMBAT("战斗力"), COMPOSITE("综合");

    private final String label;

    Dimension(String label) { this.label = label; }

    public String label() { return label; }
}
