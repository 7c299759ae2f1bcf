package org.grassroots.assessment.model;

public enum EnterpriseCategory {
    KEY("重点(规上)企业"), INCUBATED_TECH("孵化科技企业"), TOWNSHIP("乡镇企业");

    private final String label;

    EnterpriseCategory(String label) { this.label = label; }

    public String label() { return label; }
}
