package org.grassroots.assessment.server.evaluation;

import java.time.Duration;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The database lock that lets one stored evaluation run at a time across every instance on the
 * database: Spring Integration's {@link JdbcLockRegistry} (a row in {@code INT_LOCK}, migration
 * V13_32), rather than a home-made lease. A holder that dies leaves its row, which expires after the
 * evaluation time limit plus a minute, so another instance can go on.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationLock {

    static final String KEY = "stored-evaluation";

    @Bean
    DefaultLockRepository evaluationLockRepository(DataSource dataSource, PlatformTransactionManager transactions,
            @Value("${assessment.limits.evaluation-time:PT5M}") Duration evaluation) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("assessment");
        repository.setTimeToLive((int) evaluation.plusMinutes(1).toMillis());
        repository.setTransactionManager(transactions);
        // usable at once, not only after every singleton is made: the demo district's first evaluation
        // starts in the background while the context is still being built
        repository.afterSingletonsInstantiated();
        return repository;
    }

    @Bean
    JdbcLockRegistry evaluationLockRegistry(DefaultLockRepository evaluationLockRepository,
            @Value("${assessment.limits.evaluation-time:PT5M}") Duration evaluation) {
        return new JdbcLockRegistry(evaluationLockRepository, evaluation.plusMinutes(1));
    }

    /** The one lock for stored evaluations. */
    static Lock of(JdbcLockRegistry registry) {
        return registry.obtain(KEY);
    }
}
