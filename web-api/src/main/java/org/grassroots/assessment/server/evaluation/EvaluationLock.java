package org.grassroots.assessment.server.evaluation;

import java.time.Duration;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The database lock that lets one stored evaluation run at a time across every instance on the
 * database: Spring Integration's {@link JdbcLockRegistry} (a row in {@code INT_LOCK}, migration
 * V13_32), rather than a home-made lease. The holder renews its row while it evaluates; a holder that
 * dies leaves its row, which expires {@link #TIME_TO_LIVE} after its last renewal, so another
 * instance can go on.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationLock {

    static final String KEY = "stored-evaluation";
    /**
     * How long the lock's row holds without renewal: an instance killed while it evaluates blocks the
     * others this long at most. The holder renews it every {@link #RENEW_EVERY} while it works.
     */
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
    static final Duration RENEW_EVERY = Duration.ofSeconds(10);

    @Bean
    DefaultLockRepository evaluationLockRepository(DataSource dataSource, PlatformTransactionManager transactions,
            @Value("${assessment.limits.evaluation-time:PT5M}") Duration evaluation) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("assessment");
        repository.setTimeToLive((int) TIME_TO_LIVE.toMillis());
        repository.setTransactionManager(transactions);
        // usable at once, not only after every singleton is made: the demo district's first evaluation
        // starts in the background while the context is still being built
        repository.afterSingletonsInstantiated();
        return repository;
    }

    @Bean
    JdbcLockRegistry evaluationLockRegistry(DefaultLockRepository evaluationLockRepository,
            @Value("${assessment.limits.evaluation-time:PT5M}") Duration evaluation) {
        return new JdbcLockRegistry(evaluationLockRepository, TIME_TO_LIVE);
    }

    /**
     * Renews the lock's row for this instance (the registry's own renewal must run on the holding
     * thread, which is busy evaluating; the repository's is per instance). False when it is not held.
     */
    static boolean renew(DefaultLockRepository repository) {
        return repository.renew(UUIDConverter.getUUID(KEY).toString());
    }

    /** The one lock for stored evaluations. */
    static Lock of(JdbcLockRegistry registry) {
        return registry.obtain(KEY);
    }
}
