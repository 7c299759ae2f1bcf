package org.grassroots.assessment.server.security;

import org.grassroots.assessment.server.organization.OrganizationSubtreeRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which organizations the current request may see. Outside a signed-in request (start-up, the demo
 * loader, the rules directory watcher) the application itself acts and sees everything.
 */
@Component
public class AccessScope {

    private final OrganizationSubtreeRepository subtree;

    AccessScope(OrganizationSubtreeRepository subtree) {
        this.subtree = subtree;
    }

    public Visibility current() {
        return signedIn() instanceof SignedInUser user && user.role() == Role.ORG_REP
                ? new Visibility(user.orgCode(), subtree.codes(user.orgCode(), true))
                : Visibility.ALL;
    }

    /** 404 unless the current user may see the organization. */
    public void require(String orgCode) {
        current().require(orgCode);
    }

    /** Whether the current user is an organization's representative (who never sees who inspected). */
    public boolean organizationRepresentative() {
        return signedIn() instanceof SignedInUser user && user.role() == Role.ORG_REP;
    }

    private static Object signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getPrincipal();
    }
}
