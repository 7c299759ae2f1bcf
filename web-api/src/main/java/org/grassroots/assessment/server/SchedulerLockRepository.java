package org.grassroots.assessment.server;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run once across instances: a job annotated {@code @SchedulerLock} runs only on the
 * instance that takes its row in table {@code shedlock} (V13_74); the others skip that run. ShedLock
 * rather than a lease of our own: it is the well-kept library for exactly this, and it takes the
 * time from the database ({@code usingDbTime}), so the instances' clocks need not agree.
 * {@code defaultLockAtMostFor} bounds how long a killed instance keeps a job from running.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class SchedulerLockRepository {

    @Bean
    LockProvider schedulerLocks(DataSource dataSource) {
        return provider(dataSource);
    }

    /** The lock provider on a data source (also how a test plays a second instance). */
    public static LockProvider provider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }
}
