package org.grassroots.assessment.server.restatement;

import java.util.Map;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The test's look at a restatement's stored results (through the module's own repository). */
final class RestatementResults {

    private final RestatementRepository repository;

    RestatementResults(JdbcTemplate jdbc) {
        this.repository = new RestatementRepository(JdbcClient.create(jdbc), jdbc);
    }

    Map<String, OrganizationResult> of(long restatementId) {
        return repository.results(restatementId);
    }
}
