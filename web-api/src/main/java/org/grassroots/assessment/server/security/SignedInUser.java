package org.grassroots.assessment.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in user: who, in which role, and for an ORG_REP which organization.
 * {@code stamp} is a digest of what the sign-in depends on (password hash, role, organization,
 * enabled): a session or a remembered sign-in holds on only while the stored account still has the
 * same stamp (see {@link AccountCheck}).
 */
public record SignedInUser(String username, String passwordHash, String displayName, Role role, String orgCode,
        boolean enabled, String stamp) implements UserDetails {

    static SignedInUser of(UserAccount account) {
        return new SignedInUser(account.username(), account.passwordHash(), account.displayName(), account.role(),
                account.orgCode(), account.enabled(), stampOf(account));
    }

    /** The same user without the password hash, to keep in an authentication that lives on. */
    SignedInUser withoutPassword() {
        return new SignedInUser(username, null, displayName, role, orgCode, enabled, stamp);
    }

    /** Whether the stored account still signs in as this principal: enabled, and nothing it depends on changed. */
    boolean stillHolds(UserAccount account) {
        return account.enabled() && username.equals(account.username()) && stamp.equals(stampOf(account));
    }

    /** SHA-256 of the password hash, role, organization and enabled flag; changes with any of them. */
    static String stampOf(UserAccount account) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {account.passwordHash(), account.role().name(),
                    String.valueOf(account.orgCode()), Boolean.toString(account.enabled())}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
