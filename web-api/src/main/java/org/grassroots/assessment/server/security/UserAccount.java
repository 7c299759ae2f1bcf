package org.grassroots.assessment.server.security;

import java.time.Instant;

/** A stored user; {@code orgCode} is set exactly for an {@link Role#ORG_REP}. */
public record UserAccount(String username, String passwordHash, String displayName, Role role, String orgCode,
        boolean enabled, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
