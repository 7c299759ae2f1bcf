package org.grassroots.assessment.server.security;

import java.time.Instant;

/**
 * A stored user; {@code orgCode} is set exactly for an {@link Role#ORG_REP}; {@code email} is optional
 * (null: none), the address reminders are mailed to when mail is configured.
 */
public record UserAccount(String username, String passwordHash, String displayName, Role role, String orgCode,
        boolean enabled, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, String email) {
}
