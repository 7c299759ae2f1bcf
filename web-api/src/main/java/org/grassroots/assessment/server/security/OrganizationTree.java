package org.grassroots.assessment.server.security;

import java.util.Set;

/**
 * What access control needs to know of the organizations: which exist and which lie under one.
 * The organization feature implements it ({@code organization.KnownOrganizations}); security does
 * not depend on that feature, which uses security for its own endpoints.
 */
public interface OrganizationTree {

    /** The codes of the organization and, when {@code subtree}, its descendants; 404 when unknown. */
    Set<String> codes(String root, boolean subtree);

    boolean exists(String code);
}
