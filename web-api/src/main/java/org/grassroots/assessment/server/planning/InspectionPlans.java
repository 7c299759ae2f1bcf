package org.grassroots.assessment.server.planning;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

/** The inspection plans as aggregates (Spring Data JPA). */
public interface InspectionPlans extends JpaRepository<InspectionPlan, Long> {

    /** A plan with its visits, to be shown. */
    @EntityGraph(attributePaths = "visits")
    Optional<InspectionPlan> findWithVisitsById(Long id);

    /**
     * A plan to be changed, its row locked until the transaction ends (changes wait for each other);
     * its visits are read after the lock (PostgreSQL locks no row of an outer join's nullable side).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<InspectionPlan> findForChangeById(Long id);

    /** Every plan with its visits, newest first. */
    @EntityGraph(attributePaths = "visits")
    List<InspectionPlan> findAllByOrderByIdDesc();
}
