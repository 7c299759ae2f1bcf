package org.grassroots.assessment.model;

public enum Appraisal {
    EXCELLENT("优秀"), COMPETENT("合格"), BASICALLY_COMPETENT("基本合格"), INCOMPETENT("不合格");

    private final String label;

    Appraisal(String label) { this.label = label; }

    public String label() { return label; }
}
