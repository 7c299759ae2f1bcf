package org.grassroots.assessment.server.rectification;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

/**
 * The ledger's items as aggregates (Spring Data JPA): one item with its steps, read to be shown or
 * changed by the lifecycle. The bulk work of an evaluation (hundreds of thousands of items and steps
 * read and written at once) goes through {@link LedgerRepository}.
 */
public interface RectificationItems extends JpaRepository<RectificationItem, Long> {

    /** The item with its steps in one query. */
    @EntityGraph(attributePaths = "steps")
    Optional<RectificationItem> findWithStepsById(long id);

    /**
     * The item with its steps, to be changed: its version goes up when the transaction commits, and
     * the commit fails if another change raised it first. (A step added to the item's steps, which
     * the steps' table owns, would not raise it on its own.) The steps load on first use, in a second
     * query: fetched with the item, they would be locked too, and steps have no version.
     */
    @Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
    Optional<RectificationItem> findForChangeById(long id);

    /** The item of a finding ({@code INSPECTION:<visitId>:<position>}) or of (organization, period, rule). */
    Optional<RectificationItem> findByItemKey(String itemKey);

    /** The items of one source for one period, oldest first. */
    List<RectificationItem> findBySourceAndPeriodOrderById(RectificationSource source, String period);
}
