package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The sign-in throttle on its own, with a clock the test moves. */
class LoginThrottleTest {

    static final String HOME = "10.0.0.1";
    static final String AWAY = "10.0.0.2";

    /** A clock that stands still until the test moves it. */
    static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T08:00:00Z");

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovingClock clock = new MovingClock();

    private LoginThrottle throttle(int perName, int perAddress, int maxTracked) {
        return new LoginThrottle(new SecurityProperties(perName, Duration.ofMinutes(5), null, perAddress), clock,
                maxTracked);
    }

    @Test
    void a_name_is_locked_after_its_failures_in_a_row_and_a_success_starts_again() {
        LoginThrottle t = throttle(3, 0, 1000);
        t.failed("anna", HOME);
        t.failed("anna", AWAY);
        t.succeeded("anna");
        t.failed("anna", HOME);
        t.failed("Anna ", AWAY);
        assertThat(t.lockedFor("anna", HOME)).as("2 in a row after the success").isZero();
        t.failed("anna", HOME);
        assertThat(t.lockedFor("anna", "10.9.9.9")).as("the name, from any address").isEqualTo(Duration.ofMinutes(5));
        assertThat(t.lockedFor("bert", HOME)).isZero();
    }

    @Test
    void an_address_is_locked_across_many_names_and_a_success_does_not_reset_it() {
        LoginThrottle t = throttle(3, 5, 1000);
        for (int i = 0; i < 4; i++) {
            t.failed("guess-" + i, HOME);
            t.succeeded("own-account");
        }
        assertThat(t.lockedFor("own-account", HOME)).isZero();
        t.failed("guess-4", HOME);
        assertThat(t.lockedFor("own-account", HOME)).as("every name from that address").isEqualTo(Duration.ofMinutes(5));
        assertThat(t.lockedFor("own-account", AWAY)).as("not from another address").isZero();
    }

    @Test
    void locks_expire_one_by_one() {
        LoginThrottle t = throttle(2, 0, 1000);
        t.failed("first", HOME);
        t.failed("first", HOME);
        clock.move(Duration.ofMinutes(3));
        t.failed("second", HOME);
        t.failed("second", HOME);
        clock.move(Duration.ofMinutes(2));
        assertThat(t.lockedFor("first", HOME)).as("the first lock has ended").isZero();
        assertThat(t.lockedFor("second", HOME)).as("the second still runs").isEqualTo(Duration.ofMinutes(3));
        t.failed("first", HOME);
        assertThat(t.lockedFor("first", HOME)).as("after a lock the count starts again").isZero();
        clock.move(Duration.ofMinutes(3));
        assertThat(t.lockedFor("second", HOME)).isZero();
    }

    @Test
    void failures_without_a_lock_are_forgotten_after_the_lockout_period() {
        LoginThrottle t = throttle(2, 0, 1000);
        t.failed("slow", HOME);
        clock.move(Duration.ofMinutes(6));
        t.failed("slow", HOME);
        assertThat(t.lockedFor("slow", HOME)).isZero();
    }

    @Test
    void a_full_table_never_drops_a_running_lock() {
        LoginThrottle t = throttle(2, 0, 10);
        t.failed("victim", HOME);
        t.failed("victim", HOME);
        for (int i = 0; i < 500; i++) {
            clock.move(Duration.ofMillis(10));
            t.failed("filler-" + i, HOME);
        }
        assertThat(t.tracked()).isLessThanOrEqualTo(10);
        assertThat(t.lockedFor("victim", HOME)).as("guessing many names does not lift a lock").isPositive();
    }

    @Test
    void the_address_limit_can_be_turned_off() {
        LoginThrottle t = throttle(3, 0, 1000);
        for (int i = 0; i < 50; i++) {
            t.failed("guess-" + i, HOME);
        }
        assertThat(t.lockedFor("someone", HOME)).isZero();
    }
}
