package org.grassroots.assessment.server.organization;

import org.flywaydb.core.api.migration.Context;
import org.grassroots.assessment.server.storage.JavaMigrationStep;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 22.6: the memberIds of every stored member roll into {@code member_roll_ids} (created
 * by V22_05), which the member upsert reads instead of the whole rolls of a period. In Java because a
 * roll's ids are read by {@link MemberRoll} (H2 and PostgreSQL have no common JSON function).
 */
@Component
class MemberRollIdsMigration extends JavaMigrationStep {

    MemberRollIdsMigration() {
        super("22.6", "member roll ids", 2206);
    }

    @Override
    public void migrate(Context context) throws Exception {
        MemberRollMigrationRepository.fillIds(context.getConnection());
    }
}
