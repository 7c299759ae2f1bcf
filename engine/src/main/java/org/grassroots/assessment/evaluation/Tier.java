package org.grassroots.assessment.evaluation;

/** Grading tiers in the policy's order, lowest first: WEAK < AVERAGE < GOOD < ADVANCED. */
public enum Tier {
    WEAK("软弱涣散"), AVERAGE("一般"), GOOD("较好"), ADVANCED("先进");

    private final String label;

    Tier(String label) { this.label = label; }

    public String label() { return label; }
}
