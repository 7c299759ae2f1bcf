package org.grassroots.assessment.server.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code assessment.security.*}).
 *
 * @param loginAttempts     failed sign-ins of one user name in a row before it is locked for a while
 * @param lockout           how long such a lock lasts
 * @param credentialCache   how long a verified user name and password are remembered, so API clients
 *                          sending HTTP Basic on every request do not pay for a bcrypt check each time
 */
@ConfigurationProperties(prefix = "assessment.security")
public record SecurityProperties(Integer loginAttempts, Duration lockout, Duration credentialCache) {

    public SecurityProperties {
        loginAttempts = loginAttempts == null || loginAttempts < 1 ? 5 : loginAttempts;
        lockout = lockout == null ? Duration.ofMinutes(5) : lockout;
        credentialCache = credentialCache == null ? Duration.ofMinutes(5) : credentialCache;
    }
}
