package org.grassroots.assessment.server.selfreport;

import org.springframework.data.jpa.repository.JpaRepository;

/** The periods' self-report deadlines (Spring Data JPA). */
public interface ReportingPeriods extends JpaRepository<ReportingPeriod, String> {
}
