package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.flywaydb.core.Flyway;
import org.grassroots.assessment.server.SchedulerLockRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The sign-in throttle's housekeeping, a scheduled job, runs once across instances: two application
 * contexts on one database play two instances, each with its own ShedLock provider, as the packaged
 * jar configures it. A run on one keeps the other from running the job until the run's minimum hold
 * ends; a job the other instance holds is skipped here.
 */
class HousekeepingOnceTest {

    private final LoginThrottleTest.MovingClock clock = new LoginThrottleTest.MovingClock();
    private final DataSource database = database();
    private final AnnotationConfigApplicationContext first = instance();
    private final AnnotationConfigApplicationContext second = instance();

    @Configuration(proxyBeanMethods = false)
    @EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
    static class Locking {
    }

    private static DataSource database() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:housekeeping-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        return ds;
    }

    private AnnotationConfigApplicationContext instance() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(Locking.class);
        context.registerBean(LockProvider.class, () -> SchedulerLockRepository.provider(database));
        context.registerBean(LoginThrottle.class, () -> new LoginThrottle(
                new SecurityProperties(2, Duration.ofMinutes(5), null, 0), clock,
                new LoginFailureRepository(JdbcClient.create(database))));
        context.refresh();
        return context;
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    private int expiredEntries(String prefix) {
        LoginThrottle throttle = first.getBean(LoginThrottle.class);
        for (int i = 0; i < 3; i++) {
            throttle.failed(prefix + i, "10.0.0.1");
        }
        clock.move(Duration.ofMinutes(6));
        return rows();
    }

    private int rows() {
        return new LoginFailureRepository(JdbcClient.create(database)).count();
    }

    @Test
    void a_run_on_one_instance_keeps_the_other_from_running_it_again_at_once() {
        assertThat(expiredEntries("a-")).isEqualTo(3);
        first.getBean(LoginThrottle.class).housekeeping();
        assertThat(rows()).as("the first instance ran the job").isZero();
        assertThat(expiredEntries("b-")).isEqualTo(3);
        second.getBean(LoginThrottle.class).housekeeping();
        assertThat(rows()).as("the second instance skipped it: the run's minimum hold has not ended").isEqualTo(3);
        first.getBean(LoginThrottle.class).housekeeping();
        assertThat(rows()).as("nor may the first run it again within the hold").isEqualTo(3);
    }

    @Test
    void a_job_held_by_another_instance_is_skipped_and_runs_once_released() {
        assertThat(expiredEntries("c-")).isEqualTo(3);
        SimpleLock held = second.getBean(LockProvider.class).lock(new LockConfiguration(java.time.Instant.now(),
                LoginThrottle.HOUSEKEEPING, Duration.ofMinutes(5), Duration.ZERO)).orElseThrow();
        first.getBean(LoginThrottle.class).housekeeping();
        assertThat(rows()).as("skipped while the other instance holds the job").isEqualTo(3);
        held.unlock();
        first.getBean(LoginThrottle.class).housekeeping();
        assertThat(rows()).isZero();
    }
}
