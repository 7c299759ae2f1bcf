package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The evaluation lock as two instances on one database see it (two lock registries, each with its own
 * client id, on one embedded database migrated by the application's Flyway scripts): while one holds
 * it the other's tryLock waits and gives up at its deadline; once released the other gets it.
 */
class EvaluationLockTest {

    private final DataSource database = database();

    private static DataSource database() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:evaluation-lock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        return ds;
    }

    private Lock instance() {
        DefaultLockRepository repository = new EvaluationLock().evaluationLockRepository(database,
                new DataSourceTransactionManager(database), Duration.ofMinutes(5));
        repository.afterPropertiesSet();
        JdbcLockRegistry registry = new EvaluationLock().evaluationLockRegistry(repository, Duration.ofMinutes(5));
        return EvaluationLock.of(registry);
    }

    @Test
    void one_evaluation_at_a_time_across_two_instances() throws Exception {
        Lock a = instance();
        Lock b = instance();
        assertThat(a.tryLock(1, TimeUnit.SECONDS)).isTrue();
        try {
            boolean bGotIt = CompletableFuture.supplyAsync(() -> tryLock(b, 300)).get(10, TimeUnit.SECONDS);
            assertThat(bGotIt).as("the other instance waits, then gives up at its deadline").isFalse();
        } finally {
            a.unlock();
        }
        boolean bGotIt = CompletableFuture.supplyAsync(() -> {
            boolean got = tryLock(b, 2000);
            if (got) {
                b.unlock();
            }
            return got;
        }).get(10, TimeUnit.SECONDS);
        assertThat(bGotIt).as("free again once the first is done").isTrue();
    }

    @Test
    void the_holder_renews_its_lock_from_another_thread_and_a_dead_holders_lock_expires() throws Exception {
        DefaultLockRepository repository = new EvaluationLock().evaluationLockRepository(database,
                new DataSourceTransactionManager(database), Duration.ofMinutes(5));
        repository.setTimeToLive(1000);
        repository.afterPropertiesSet();
        JdbcLockRegistry registry = new JdbcLockRegistry(repository, Duration.ofSeconds(1));
        Lock held = registry.obtain(EvaluationLock.KEY);
        Lock other = instance();
        assertThat(held.tryLock(1, TimeUnit.SECONDS)).isTrue();
        // the renewal runs on its own thread, as EvaluationRunner's does
        for (int i = 0; i < 4; i++) {
            assertThat(CompletableFuture.supplyAsync(() -> EvaluationLock.renew(repository)).get(5, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(CompletableFuture.supplyAsync(() -> tryLock(other, 100)).get(5, TimeUnit.SECONDS))
                    .as("renewed: still held after %d00 ms", 5 * (i + 1)).isFalse();
            Thread.sleep(400);
        }
        // no more renewals (as if the holder were killed): its row expires after the time to live
        assertThat(CompletableFuture.supplyAsync(() -> tryLock(other, 5000)).get(10, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean tryLock(Lock lock, long millis) {
        try {
            return lock.tryLock(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
