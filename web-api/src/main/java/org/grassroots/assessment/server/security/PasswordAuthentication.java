package org.grassroots.assessment.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password: refused at once while the name or the client address is
 * throttled; otherwise by Spring Security's {@link DaoAuthenticationProvider} (bcrypt). A successful
 * check is remembered for a few minutes under a salted SHA-256 of name and password, because API
 * clients send HTTP Basic on every request and a bcrypt check costs tens of milliseconds. A
 * remembered check is used only while the stored account still has the stamp it was made with (one
 * lookup by primary key), so a change made by another instance on the same database counts at once;
 * any change made here also forgets every remembered check.
 */
public class PasswordAuthentication implements AuthenticationProvider {

    private static final int MAX_REMEMBERED = 10_000;

    private record Verified(Authentication authentication, Instant until) {
    }

    private final DaoAuthenticationProvider passwords;
    private final UserAccounts accounts;
    private final LoginThrottle throttle;
    private final Duration remember;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public PasswordAuthentication(DaoAuthenticationProvider passwords, UserAccounts accounts, LoginThrottle throttle,
            Duration remember, Clock clock) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.throttle = throttle;
        this.remember = remember;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String username = request.getName();
        String address = request.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Duration locked = throttle.lockedFor(username, address);
        if (!locked.isZero()) {
            throw new LoginThrottledException(locked);
        }
        String key = key(username, request.getCredentials());
        Verified known = key == null ? null : verified.get(key);
        if (known != null && clock.instant().isBefore(known.until()) && stillHolds(known.authentication())) {
            return known.authentication();
        }
        if (known != null) {
            verified.remove(key, known);
        }
        Authentication result;
        try {
            result = passwords.authenticate(request);
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
        throttle.succeeded(username);
        Authentication kept = kept(result);
        if (key != null && !remember.isZero()) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(key, new Verified(kept, clock.instant().plus(remember)));
        }
        return kept;
    }

    private boolean stillHolds(Authentication remembered) {
        return remembered.getPrincipal() instanceof SignedInUser user
                && accounts.find(user.username()).map(user::stillHolds).orElse(false);
    }

    /** Forgets every remembered check: after a user is added, changed or disabled. */
    public void forgetAll() {
        verified.clear();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static Authentication kept(Authentication result) {
        if (result.getPrincipal() instanceof SignedInUser user) {
            return UsernamePasswordAuthenticationToken.authenticated(user.withoutPassword(), null,
                    result.getAuthorities());
        }
        return result;
    }

    private String key(String username, Object credentials) {
        if (username == null || !(credentials instanceof String password)) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
