package org.grassroots.assessment.server.organization;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;

/** An organization with its subordinate organizations, each level ordered by code. */
@JsonPropertyOrder({"code", "name", "type", "level", "parentCode", "enterpriseCategory", "hasPartyGroups", "children"})
public record OrganizationNode(
        String code,
        String name,
        OrgType type,
        OrgLevel level,
        @JsonInclude(JsonInclude.Include.ALWAYS) String parentCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) EnterpriseCategory enterpriseCategory,
        boolean hasPartyGroups,
        List<OrganizationNode> children) {

    /**
     * The forest of the organizations: roots are those without a parent, or whose parent is not
     * among them.
     */
    public static List<OrganizationNode> forest(List<Organization> organizations) {
        Map<String, Organization> byCode = new HashMap<>();
        organizations.forEach(o -> byCode.put(o.code(), o));
        Map<String, List<Organization>> children = new HashMap<>();
        List<Organization> roots = new ArrayList<>();
        for (Organization o : organizations) {
            if (o.parentCode() == null || !byCode.containsKey(o.parentCode())) {
                roots.add(o);
            } else {
                children.computeIfAbsent(o.parentCode(), k -> new ArrayList<>()).add(o);
            }
        }
        return build(roots, children);
    }

    private static List<OrganizationNode> build(List<Organization> level, Map<String, List<Organization>> children) {
        return level.stream()
                .sorted(Comparator.comparing(Organization::code))
                .map(o -> new OrganizationNode(o.code(), o.name(), o.type(), o.level(), o.parentCode(),
                        o.enterpriseCategory(), o.hasPartyGroups(),
                        build(children.getOrDefault(o.code(), List.of()), children)))
                .toList();
    }
}
