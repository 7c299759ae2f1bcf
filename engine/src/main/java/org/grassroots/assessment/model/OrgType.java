package org.grassroots.assessment.model;

/** Kind of grassroots organization; the Chinese label is what users read. */
public enum OrgType {
    VILLAGE("村"), COMMUNITY("社区"), ORGAN("机关"), ENTERPRISE("非公企业"), SOCIAL_ORG("社会组织");

    private final String label;

    OrgType(String label) { this.label = label; }

    public String label() { return label; }
}
