package org.grassroots.assessment.server.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import tools.jackson.databind.JsonNode;

/**
 * The SQL of Flyway migration 14.2 ({@link MovementColumnBackfill}): on Flyway's connection (a
 * migration runs before the application's data source is in use), fills
 * {@code evaluation_result.movement} of the rows stored before it from each row's result JSON.
 */
final class MovementBackfillRepository {

    private static final int BATCH = 500;

    private MovementBackfillRepository() {
    }

    static void fill(Connection connection) throws SQLException {
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
