package org.grassroots.assessment.evaluation;

/** What a calibration figure describes: an inspection team (督查组) or one inspector (督查员). */
public enum CalibrationUnit {
    TEAM("督查组"), INSPECTOR("督查员");

    private final String label;

    CalibrationUnit(String label) { this.label = label; }

    public String label() { return label; }
}
