package org.grassroots.assessment.server.organization;

import org.grassroots.assessment.bundle.BundleValidationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work that validates and then writes in one transaction: a validation failure (a checked
 * exception) rolls back like any other and reaches the caller unchanged.
 */
@Component
public class ValidatingTransaction {

    /** Work that may find the data invalid. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws BundleValidationException;
    }

    private final TransactionTemplate transaction;

    ValidatingTransaction(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @throws ConcurrentWriteException when a concurrent write made the work fail (a key stored in
     *                                  the meantime, a lock not granted in time)
     */
    public <T> T run(Work<T> work) throws BundleValidationException {
        try {
            return transaction.execute(status -> {
                try {
                    return work.run();
                } catch (BundleValidationException e) {
                    throw new Invalid(e);
                }
            });
        } catch (Invalid e) {
            throw e.invalid;
        } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
            throw new ConcurrentWriteException();
        }
    }

    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient BundleValidationException invalid;

        Invalid(BundleValidationException invalid) {
            super(invalid.getMessage(), null, false, false);
            this.invalid = invalid;
        }
    }
}
