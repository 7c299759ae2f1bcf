package org.grassroots.assessment.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Locks a user name for a while after repeated failed sign-ins, whether or not the user exists (so a
 * lock does not tell which names are real). Kept in memory: a restart lifts every lock.
 */
@Component
public class LoginThrottle {

    /** Beyond this many tracked names the oldest entries are dropped, so guessing names cannot fill the heap. */
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the name stays locked; zero when it may try now. */
    public Duration lockedFor(String username) {
        Failures f = failures.get(key(username));
        if (f == null || f.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String username) {
        if (failures.size() >= MAX_TRACKED) {
            failures.clear();
        }
        failures.compute(key(username), (k, f) -> {
            int count = (f == null || (f.lockedUntil() != null && !clock.instant().isBefore(f.lockedUntil())))
                    ? 1 : f.count() + 1;
            Instant until = count >= properties.loginAttempts() ? clock.instant().plus(properties.lockout()) : null;
            return new Failures(count, until);
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
