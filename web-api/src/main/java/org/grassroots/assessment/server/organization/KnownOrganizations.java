package org.grassroots.assessment.server.organization;

import java.util.Set;
import org.grassroots.assessment.server.security.OrganizationTree;
import org.springframework.stereotype.Component;

/** The stored organizations as access control sees them (see {@link OrganizationTree}). */
@Component
class KnownOrganizations implements OrganizationTree {

    private final OrganizationSubtreeRepository subtree;
    private final OrganizationRepository organizations;

    KnownOrganizations(OrganizationSubtreeRepository subtree, OrganizationRepository organizations) {
        this.subtree = subtree;
        this.organizations = organizations;
    }

    @Override
    public Set<String> codes(String root, boolean subtree) {
        return this.subtree.codes(root, subtree);
    }

    @Override
    public boolean exists(String code) {
        return organizations.exists(code);
    }
}
