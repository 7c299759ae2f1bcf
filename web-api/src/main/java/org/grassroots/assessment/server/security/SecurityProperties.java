package org.grassroots.assessment.server.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code assessment.security.*}).
 *
 * @param loginAttempts     failed sign-ins of one user name in a row before it is locked for a while
 * @param lockout           how long such a lock lasts (and how long failures without a lock are remembered)
 * @param credentialCache   how long a verified user name and password are remembered, so API clients
 *                          sending HTTP Basic on every request do not pay for a bcrypt check each time
 * @param loginAttemptsPerAddress failed sign-ins from one client address, whatever the names, before
 *                          the address is locked for {@code lockout}; 0 turns this limit off (behind a
 *                          reverse proxy set {@code server.forward-headers-strategy} so that the address
 *                          is the client's, not the proxy's)
 */
@ConfigurationProperties(prefix = "assessment.security")
public record SecurityProperties(Integer loginAttempts, Duration lockout, Duration credentialCache,
        Integer loginAttemptsPerAddress) {

    public SecurityProperties {
        loginAttempts = loginAttempts == null || loginAttempts < 1 ? 5 : loginAttempts;
        loginAttemptsPerAddress = loginAttemptsPerAddress == null || loginAttemptsPerAddress < 0 ? 20
                : loginAttemptsPerAddress;
        lockout = lockout == null ? Duration.ofMinutes(5) : lockout;
        credentialCache = credentialCache == null ? Duration.ofMinutes(5) : credentialCache;
    }
}
