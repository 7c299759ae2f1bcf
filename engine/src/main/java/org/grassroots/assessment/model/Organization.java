package org.grassroots.assessment.model;

/** A grassroots Party organization (bundle section organizations[]). */
public record Organization(
        String code,
        String name,
        OrgType type,
        OrgLevel level,
        String parentCode,
        EnterpriseCategory enterpriseCategory,
        boolean hasPartyGroups) {
}
