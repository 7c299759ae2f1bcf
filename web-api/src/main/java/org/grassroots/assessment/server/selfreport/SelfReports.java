package org.grassroots.assessment.server.selfreport;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

/** The self-reports as aggregates (Spring Data JPA). */
public interface SelfReports extends JpaRepository<SelfReport, Long> {

    /** The report with its facts, to be shown. */
    @EntityGraph(attributePaths = "facts")
    Optional<SelfReport> findByOrgCodeAndPeriod(String orgCode, String period);

    /**
     * The report to be changed: its version goes up when the transaction commits, and the commit
     * fails if another change raised it first (a fact or a revision added alone would not raise it).
     */
    @Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
    Optional<SelfReport> findForChangeByOrgCodeAndPeriod(String orgCode, String period);

    /** Every report of a period, with its facts (for the progress and the latest facts). */
    @EntityGraph(attributePaths = "facts")
    List<SelfReport> findByPeriod(String period);
}
