package org.grassroots.assessment.server.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Flyway migration 14.2: fills {@code evaluation_result.movement} (added by V14_01) from the results
 * stored before it, read from each row's result JSON. A Spring bean, so Spring Boot hands it to
 * Flyway with the SQL migrations; written in Java because the JSON is read with the same mapper the
 * application stores it with (H2 and PostgreSQL have no common JSON function).
 */
@Component
class MovementColumnBackfill implements JavaMigration {

    private static final int BATCH = 500;

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
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
                PreparedStatement update = connection.prepareStatement(
                        "update evaluation_result set movement = ? where evaluation_id = ? and org_code = ?")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery(
                    "select evaluation_id, org_code, result_json from evaluation_result where movement is null")) {
                while (rows.next()) {
                    JsonNode movement = EvaluationJson.MAPPER.readTree(rows.getString(3)).get("movement");
                    if (movement == null || movement.isNull()) {
                        continue;
                    }
                    update.setString(1, movement.asString());
                    update.setLong(2, rows.getLong(1));
                    update.setString(3, rows.getString(2));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
