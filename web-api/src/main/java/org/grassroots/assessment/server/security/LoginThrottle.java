package org.grassroots.assessment.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Locks sign-ins for a while after repeated failures, counted twice: per user name (whether or not
 * the user exists, so a lock does not tell which names are real; a success resets it, so the limit
 * is on failures <em>in a row</em>) and per client address (across every name it tries; a success
 * does not reset it, or one valid account would let an address guess on for ever). A wrong current
 * password when changing one's own password counts as a failed sign-in too.
 *
 * <p>Each entry lives on its own: it is forgotten once its lock has ended, or once {@code lockout}
 * has passed since its last failure without a lock. Nothing clears every entry at once: when the
 * table is full, expired entries go first, then the oldest entries that hold no lock; entries with a
 * running lock are never dropped early (a new name is then not tracked, while its address still is).
 * Kept in memory: a restart lifts every lock. A hand-written map rather than a cache library,
 * because a size-bounded cache evicts whatever it likes, including running locks.
 */
@Component
public class LoginThrottle {

    /** Beyond this many tracked names and addresses, entries are dropped as described above. */
    static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {

        boolean locked(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        boolean expired(Instant now, Duration window) {
            return lockedUntil != null ? !now.isBefore(lockedUntil) : !now.isBefore(last.plus(window));
        }
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final SecurityProperties properties;
    private final Clock clock;
    private final int maxTracked;

    @Autowired
    LoginThrottle(SecurityProperties properties, Clock clock) {
        this(properties, clock, MAX_TRACKED);
    }

    LoginThrottle(SecurityProperties properties, Clock clock, int maxTracked) {
        this.properties = properties;
        this.clock = clock;
        this.maxTracked = maxTracked;
    }

    /** How long sign-ins of this name from this address stay refused; zero when they may try now. */
    public Duration lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration left = left(failures.get(nameKey(username)), now);
        if (properties.loginAttemptsPerAddress() > 0) {
            Duration byAddress = left(failures.get(addressKey(address)), now);
            if (byAddress.compareTo(left) > 0) {
                left = byAddress;
            }
        }
        return left;
    }

    /** A wrong password for this name from this address. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        count(nameKey(username), properties.loginAttempts(), now);
        if (properties.loginAttemptsPerAddress() > 0 && address != null) {
            count(addressKey(address), properties.loginAttemptsPerAddress(), now);
        }
    }

    /** A right password: the name's failures in a row start again from zero (the address's do not). */
    public void succeeded(String username) {
        failures.remove(nameKey(username));
    }

    /** How many names and addresses are tracked now (for tests and metrics). */
    int tracked() {
        return failures.size();
    }

    private void count(String key, int limit, Instant now) {
        if (!failures.containsKey(key) && failures.size() >= maxTracked && !makeRoom(now)) {
            return;
        }
        failures.compute(key, (k, f) -> {
            int count = f == null || f.expired(now, properties.lockout()) ? 1 : f.count() + 1;
            if (f != null && f.locked(now)) {
                return f; // already locked: a failure during the lock neither extends nor restarts it
            }
            return new Failures(count, now, count >= limit ? now.plus(properties.lockout()) : null);
        });
    }

    /** Drops expired entries, then the oldest unlocked ones; false when only running locks remain. */
    private synchronized boolean makeRoom(Instant now) {
        failures.values().removeIf(f -> f.expired(now, properties.lockout()));
        if (failures.size() < maxTracked) {
            return true;
        }
        int excess = failures.size() - maxTracked + Math.max(1, maxTracked / 10);
        failures.entrySet().stream().filter(e -> !e.getValue().locked(now))
                .sorted(Comparator.comparing(e -> e.getValue().last())).limit(excess).map(Map.Entry::getKey)
                .toList().forEach(failures::remove);
        return failures.size() < maxTracked;
    }

    private static Duration left(Failures f, Instant now) {
        if (f == null || !f.locked(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    private static String nameKey(String username) {
        return "name:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
