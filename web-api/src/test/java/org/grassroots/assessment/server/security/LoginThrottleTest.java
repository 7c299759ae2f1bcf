package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The sign-in throttle on its own, with a clock the test moves, on a fresh embedded database migrated
 * by the application's own Flyway scripts (the SQL runs on PostgreSQL in the server tests).
 */
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

    private final DataSource database = database();

    private static DataSource database() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        return ds;
    }

    private LoginThrottle throttle(int perName, int perAddress) {
        return new LoginThrottle(new SecurityProperties(perName, Duration.ofMinutes(5), null, perAddress), clock,
                new LoginFailureRepository(JdbcClient.create(database)));
    }

    private int rows() {
        return new LoginFailureRepository(JdbcClient.create(database)).count();
    }

    @Test
    void a_name_is_locked_after_its_failures_in_a_row_and_a_success_starts_again() {
        LoginThrottle t = throttle(3, 0);
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
        LoginThrottle t = throttle(3, 5);
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
        LoginThrottle t = throttle(2, 0);
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
        LoginThrottle t = throttle(2, 0);
        t.failed("slow", HOME);
        clock.move(Duration.ofMinutes(6));
        t.failed("slow", HOME);
        assertThat(t.lockedFor("slow", HOME)).isZero();
    }

    @Test
    void expired_entries_are_deleted_and_running_locks_are_kept() {
        LoginThrottle t = throttle(2, 0);
        t.failed("victim", HOME);
        t.failed("victim", HOME);
        clock.move(Duration.ofMinutes(4));
        for (int i = 0; i < 20; i++) {
            t.failed("filler-" + i, HOME);
        }
        clock.move(Duration.ofSeconds(90));
        assertThat(t.forgetExpired()).as("the ended lock").isEqualTo(1);
        assertThat(rows()).isEqualTo(20);
        clock.move(Duration.ofMinutes(4));
        assertThat(t.forgetExpired()).isEqualTo(20);
        assertThat(rows()).isZero();
    }

    @Test
    void a_lock_set_by_one_instance_holds_on_another() {
        LoginThrottle a = throttle(3, 0);
        LoginThrottle b = throttle(3, 0);
        a.failed("anna", HOME);
        b.failed("anna", HOME);
        a.failed("anna", HOME);
        assertThat(b.lockedFor("anna", HOME)).isEqualTo(Duration.ofMinutes(5));
        b.failed("anna", HOME);
        clock.move(Duration.ofMinutes(1));
        assertThat(a.lockedFor("anna", AWAY)).as("a failure during the lock does not extend it")
                .isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void two_instances_counting_at_once_lose_no_failure() throws Exception {
        int perInstance = 40;
        LoginThrottle a = throttle(1000, 0);
        LoginThrottle b = throttle(1000, 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (LoginThrottle t : new LoginThrottle[] {a, b, a, b}) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perInstance; i++) {
                        t.failed("target", HOME);
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        int counted = JdbcClient.create(database).sql("SELECT failures FROM login_failure WHERE tracking_key = 'name:target'")
                .query(Integer.class).single();
        assertThat(counted).isEqualTo(4 * perInstance);
    }

    @Test
    void the_address_limit_can_be_turned_off() {
        LoginThrottle t = throttle(3, 0);
        for (int i = 0; i < 50; i++) {
            t.failed("guess-" + i, HOME);
        }
        assertThat(t.lockedFor("someone", HOME)).isZero();
    }
}
