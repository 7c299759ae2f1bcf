package org.grassroots.assessment.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Locks sign-ins for a while after repeated failures, counted twice: per user name (whether or not
 * the user exists, so a lock does not tell which names are real; a success resets it, so the limit
 * is on failures <em>in a row</em>) and per client address (across every name it tries; a success
 * does not reset it, or one valid account would let an address guess on for ever). A wrong current
 * password when changing one's own password counts as a failed sign-in too.
 *
 * <p>The counts live in the database ({@link LoginFailureRepository}), so every instance on it sees
 * the same locks, a lock set on one instance holds on all, and a restart lifts none. Each failure is
 * counted by one atomic statement, so two instances counting at once lose none. Each entry lives on
 * its own: it is forgotten once its lock has ended, or once {@code lockout} has passed since its last
 * failure without a lock; expired rows are deleted now and then ({@link #forgetExpired()}).
 */
@Component
public class LoginThrottle {

    /** Longest tracking key kept; longer names are cut (they still count, against their prefix). */
    static final int MAX_KEY = 1000;
    /** The housekeeping job's name in the scheduler lock table. */
    static final String HOUSEKEEPING = "sign-in-throttle-housekeeping";

    private final SecurityProperties properties;
    private final Clock clock;
    private final LoginFailureRepository failures;

    LoginThrottle(SecurityProperties properties, Clock clock, LoginFailureRepository failures) {
        this.properties = properties;
        this.clock = clock;
        this.failures = failures;
    }

    /** How long sign-ins of this name from this address stay refused; zero when they may try now. */
    public Duration lockedFor(String username, String address) {
        Instant now = clock.instant();
        List<String> keys = new ArrayList<>(List.of(nameKey(username)));
        if (properties.loginAttemptsPerAddress() > 0) {
            keys.add(addressKey(address));
        }
        return failures.lockedUntil(keys, now.toEpochMilli())
                .map(until -> Duration.ofMillis(until - now.toEpochMilli())).orElse(Duration.ZERO);
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
        failures.forget(nameKey(username));
    }

    /**
     * Every ten minutes, on one instance of all that share the database (the others skip that run):
     * deletes the entries that have expired.
     */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @SchedulerLock(name = HOUSEKEEPING, lockAtMostFor = "PT5M", lockAtLeastFor = "PT1M")
    public void housekeeping() {
        forgetExpired();
    }

    /** Deletes the entries that have expired; returns how many. */
    public int forgetExpired() {
        return failures.forgetExpired(clock.instant().toEpochMilli());
    }

    /** A failure during a running lock neither extends nor restarts it. */
    private void count(String key, int limit, Instant now) {
        long at = now.toEpochMilli();
        long until = now.plus(properties.lockout()).toEpochMilli();
        if (failures.countFailure(key, limit, at, until)) {
            return;
        }
        if (failures.lockedUntil(List.of(key), at).isPresent()) {
            return;
        }
        try {
            failures.insertFirstFailure(key, limit, until);
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            failures.countFailure(key, limit, at, until);
        }
    }

    private static String nameKey(String username) {
        return cut("name:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)));
    }

    private static String addressKey(String address) {
        return cut("address:" + (address == null ? "" : address));
    }

    private static String cut(String key) {
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
    }
}
