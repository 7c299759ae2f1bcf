package org.grassroots.assessment.server.evaluation;

/**
 * Which facts an evaluation reads (issue 15): the approved ones (the office's imports and entries,
 * and self-reported facts once approved), or the latest ones (self-reported values still waiting
 * for review or returned laid over them). An evaluation on the latest facts is a trial: it leaves
 * the rectification ledger as it is and cannot be published.
 */
public enum FactBasis {
    APPROVED("已审核数据"),
    LATEST("最新填报数据（含未审核）");

    private final String label;

    FactBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The basis named in a request; APPROVED when none is named; null for an unknown name. */
    public static FactBasis parse(String name) {
        if (name == null || name.isBlank()) {
            return APPROVED;
        }
        for (FactBasis b : values()) {
            if (b.name().equalsIgnoreCase(name.strip())) {
                return b;
            }
        }
        return null;
    }
}
