package org.grassroots.assessment.server.security;

import java.time.Instant;

/** A user as the API shows it: never the password hash; {@code email} null when the user has none. */
public record UserView(String username, String displayName, Role role, String roleLabel, String orgCode,
        boolean enabled, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, String email) {

    static UserView of(UserAccount a) {
        return new UserView(a.username(), a.displayName(), a.role(), a.role().label(), a.orgCode(), a.enabled(),
                a.createdAt(), a.createdBy(), a.updatedAt(), a.updatedBy(), a.email());
    }
}
