package org.grassroots.assessment.server.storage;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java, for data the two databases share no SQL for (JSON kept in a
 * column: H2 and PostgreSQL have no common JSON function): its version, description and checksum
 * stated once, run in Flyway's transaction. A subclass that is a Spring bean is handed to Flyway by
 * Spring Boot with the SQL migrations.
 */
public abstract class JavaMigrationStep implements JavaMigration {

    private final MigrationVersion version;
    private final String description;
    private final int checksum;

    /** @param version e.g. "22.6", between the SQL migrations V22_05 and V22_07 */
    protected JavaMigrationStep(String version, String description, int checksum) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.checksum = checksum;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return checksum;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
