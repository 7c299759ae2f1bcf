package org.grassroots.assessment.server.organization;

import org.flywaydb.core.api.migration.Context;
import org.grassroots.assessment.server.storage.JavaMigrationStep;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 22.2: moves the stored member records from {@code member_record} (a row per member)
 * to {@code member_roll} (a row per organization and period, created by V22_01; V22_03 drops the old
 * table). A Spring bean, so Spring Boot hands it to Flyway with the SQL migrations; written in Java
 * because a roll is written by {@link MemberRoll} (H2 and PostgreSQL have no common JSON function).
 */
@Component
class MemberRollMigration extends JavaMigrationStep {

    MemberRollMigration() {
        super("22.2", "member records into member rolls", 2202);
    }

    @Override
    public void migrate(Context context) throws Exception {
        MemberRollMigrationRepository.copy(context.getConnection());
    }
}
