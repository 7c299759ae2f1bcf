package org.grassroots.assessment.server.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a signed-in user: who, in which role, and for an ORG_REP which organization. */
public record SignedInUser(String username, String passwordHash, String displayName, Role role, String orgCode,
        boolean enabled) implements UserDetails {

    static SignedInUser of(UserAccount account) {
        return new SignedInUser(account.username(), account.passwordHash(), account.displayName(), account.role(),
                account.orgCode(), account.enabled());
    }

    /** The same user without the password hash, to keep in an authentication that lives on. */
    SignedInUser withoutPassword() {
        return new SignedInUser(username, null, displayName, role, orgCode, enabled);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
