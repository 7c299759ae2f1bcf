package org.grassroots.assessment.server.organization;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;

/**
 * One organization in the shape of docs/formats.md section 1 ({@code enterpriseCategory},
 * {@code latitude} and {@code longitude} only when set).
 */
@JsonPropertyOrder({"code", "name", "type", "level", "parentCode", "enterpriseCategory", "hasPartyGroups", "latitude",
        "longitude"})
public record OrganizationView(
        String code,
        String name,
        OrgType type,
        OrgLevel level,
        @JsonInclude(JsonInclude.Include.ALWAYS) String parentCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) EnterpriseCategory enterpriseCategory,
        boolean hasPartyGroups,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double latitude,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double longitude) {

    public static OrganizationView of(Organization o) {
        return new OrganizationView(o.code(), o.name(), o.type(), o.level(), o.parentCode(), o.enterpriseCategory(),
                o.hasPartyGroups(), o.location() == null ? null : o.location().lat(),
                o.location() == null ? null : o.location().lon());
    }
}
