package org.grassroots.assessment.model;

/**
 * A grassroots Party organization (bundle section organizations[]).
 *
 * @param location where it sits (optional {@code latitude}/{@code longitude}), null when not known
 */
public record Organization(
        String code,
        String name,
        OrgType type,
        OrgLevel level,
        String parentCode,
        EnterpriseCategory enterpriseCategory,
        boolean hasPartyGroups,
        GeoLocation location) {

    /** An organization whose location is not known. */
    public Organization(String code, String name, OrgType type, OrgLevel level, String parentCode,
            EnterpriseCategory enterpriseCategory, boolean hasPartyGroups) {
        this(code, name, type, level, parentCode, enterpriseCategory, hasPartyGroups, null);
    }

    /** The same organization at another location (null: not known). */
    public Organization withLocation(GeoLocation at) {
        return new Organization(code, name, type, level, parentCode, enterpriseCategory, hasPartyGroups, at);
    }
}
