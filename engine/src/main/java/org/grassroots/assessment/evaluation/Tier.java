package org.grassroots.assessment.evaluation;

import java.util.List;

/** Grading tiers in the policy's order, lowest first: WEAK < AVERAGE < GOOD < ADVANCED. */
public enum Tier {
    WEAK("软弱涣散"), AVERAGE("一般"), GOOD("较好"), ADVANCED("先进");

    private final String label;

    Tier(String label) { this.label = label; }

    public String label() { return label; }

    /** The one order in which tiers are listed to people (pages, charts, exports): best first. */
    public static List<Tier> bestFirst() {
        return BEST_FIRST;
    }

    private static final List<Tier> BEST_FIRST = List.of(ADVANCED, GOOD, AVERAGE, WEAK);
}
