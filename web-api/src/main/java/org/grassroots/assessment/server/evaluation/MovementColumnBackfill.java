package org.grassroots.assessment.server.evaluation;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 14.2: fills {@code evaluation_result.movement} (added by V14_01) from the results
 * stored before it, read from each row's result JSON. A Spring bean, so Spring Boot hands it to
 * Flyway with the SQL migrations; written in Java because the JSON is read with the same mapper the
 * application stores it with (H2 and PostgreSQL have no common JSON function).
 */
@Component
class MovementColumnBackfill implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14.2");
    }

    @Override
    public String getDescription() {
        return "evaluation result movement backfill";
    }

    @Override
    public Integer getChecksum() {
        return 1402;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        MovementBackfillRepository.fill(context.getConnection());
    }
}
