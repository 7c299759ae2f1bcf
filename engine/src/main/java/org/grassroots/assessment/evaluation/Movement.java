package org.grassroots.assessment.evaluation;

/** Movement (晋位升级) against the previous period's tier. */
public enum Movement {
    NEW("新参评"), CONVERTED("整顿转化"), UPGRADED("晋位"), DOWNGRADED("降位"), UNCHANGED("持平");

    private final String label;

    Movement(String label) { this.label = label; }

    public String label() { return label; }
}
