package org.grassroots.assessment.server.evaluation;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs an evaluation's transaction again when the ledger sync meets an item that a person changed
 * after the evaluation read it (a representative's submission, an office's verification): the first
 * run rolls back whole, the next reads the ledger afresh, so the person's change is kept and the
 * evaluation still ends stored instead of failing with 409. Spring's {@link RetryTemplate}
 * (Spring Framework 7) does the counting and the back-off; the evaluation's own deadline still bounds
 * the total time. After the last try the conflict reaches the caller (409 并发修改冲突).
 */
@Component
class LedgerConflictRetry {

    private static final Logger log = LoggerFactory.getLogger(LedgerConflictRetry.class);
    static final int RETRIES = 3;

    private final RetryTemplate template;

    LedgerConflictRetry() {
        template = new RetryTemplate(RetryPolicy.builder()
                .includes(OptimisticLockingFailureException.class)
                .maxRetries(RETRIES)
                .delay(Duration.ofMillis(50))
                .multiplier(2)
                .build());
        template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                log.warn("evaluation: a ledger item changed while the evaluation ran; running it again ({} of {})",
                        state.getRetryCount() + 1, RETRIES);
            }
        });
    }

    <T> T run(Supplier<T> work) {
        try {
            return template.execute(work::get);
        } catch (RetryException e) {
            Throwable last = e.getCause();
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(last);
        }
    }
}
