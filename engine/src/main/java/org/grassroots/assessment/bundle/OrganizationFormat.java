package org.grassroots.assessment.bundle;

import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;

/** The JSON form of an organization (bundle organizations[]). */
final class OrganizationFormat {

    static final KnownFields FIELDS = KnownFields.of(
            "code", "name", "type", "level", "parentCode", "enterpriseCategory", "hasPartyGroups",
            "latitude", "longitude");

    private OrganizationFormat() {
    }

    /** Checks one organization object; the result is meaningful only if nothing was reported. */
    static Organization read(ObjectFields f) {
        String code = f.code("code");
        String name = f.name("name", 200);
        OrgType type = f.enumValue("type", OrgType.class);
        OrgLevel level = f.enumValue("level", OrgLevel.class);
        String parentCode = f.optionalCode("parentCode");
        EnterpriseCategory category = enterpriseCategory(f, type);
        boolean hasPartyGroups = f.optionalBool("hasPartyGroups", false);
        return new Organization(code, name, type, level, parentCode, category, hasPartyGroups, location(f));
    }

    /** Where it sits: latitude −90…90 and longitude −180…180, both or neither. */
    private static GeoLocation location(ObjectFields f) {
        boolean lat = f.isPresent("latitude");
        boolean lon = f.isPresent("longitude");
        if (!lat && !lon) {
            return null;
        }
        if (!lat) {
            f.problem("latitude", "is required when longitude is given");
        }
        if (!lon) {
            f.problem("longitude", "is required when latitude is given");
        }
        double latitude = lat ? f.number("latitude", -90, 90) : 0;
        double longitude = lon ? f.number("longitude", -180, 180) : 0;
        return new GeoLocation(latitude, longitude);
    }

    private static EnterpriseCategory enterpriseCategory(ObjectFields f, OrgType type) {
        if (type == OrgType.ENTERPRISE) {
            if (!f.isPresent("enterpriseCategory")) {
                f.problem("enterpriseCategory", "is required for type ENTERPRISE");
                return null;
            }
            return f.enumValue("enterpriseCategory", EnterpriseCategory.class);
        }
        if (type != null) {
            f.forbidden("enterpriseCategory", "is allowed only for type ENTERPRISE");
            return null;
        }
        // The type itself is wrong: still check the value, but do not guess whether it belongs.
        return f.optionalEnum("enterpriseCategory", EnterpriseCategory.class);
    }
}
