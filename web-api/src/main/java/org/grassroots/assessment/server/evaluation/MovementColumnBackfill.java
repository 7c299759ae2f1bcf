package org.grassroots.assessment.server.evaluation;

import org.flywaydb.core.api.migration.Context;
import org.grassroots.assessment.server.storage.JavaMigrationStep;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 14.2: fills {@code evaluation_result.movement} (added by V14_01) from the results
 * stored before it, read from each row's result JSON. A Spring bean, so Spring Boot hands it to
 * Flyway with the SQL migrations; written in Java because the JSON is read with the same mapper the
 * application stores it with (H2 and PostgreSQL have no common JSON function).
 */
@Component
class MovementColumnBackfill extends JavaMigrationStep {

    MovementColumnBackfill() {
        super("14.2", "evaluation result movement backfill", 1402);
    }

    @Override
    public void migrate(Context context) throws Exception {
        MovementBackfillRepository.fill(context.getConnection());
    }
}
