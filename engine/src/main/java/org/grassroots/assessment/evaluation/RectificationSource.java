package org.grassroots.assessment.evaluation;

/** Where a rectification item (整改台账) comes from. */
public enum RectificationSource {
    INSPECTION("明察暗访"), GRADING("分类定级"), STANDARD("规范化建设");

    private final String label;

    RectificationSource(String label) { this.label = label; }

    public String label() { return label; }
}
