package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Migration 14.2 fills the movement column of results stored before it, from their JSON; rows without one stay empty. */
class MovementBackfillTest {

    @Test
    void results_stored_before_the_column_get_their_movement_from_their_json() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:movement-backfill");
                Statement sql = db.createStatement()) {
            sql.execute("create table evaluation_result (evaluation_id bigint, org_code varchar(64),"
                    + " result_json varchar(10000), movement varchar(16))");
            sql.execute("insert into evaluation_result values (1, 'A', '{\"code\":\"A\",\"movement\":\"UPGRADED\"}', null),"
                    + " (1, 'B', '{\"code\":\"B\",\"movement\":\"CONVERTED\"}', null),"
                    + " (1, 'C', '{\"code\":\"C\"}', null),"
                    + " (2, 'A', '{\"code\":\"A\",\"movement\":\"NEW\"}', 'UNCHANGED')");
            for (int i = 0; i < 1200; i++) {
                sql.execute("insert into evaluation_result values (3, 'X" + i + "', '{\"movement\":\"DOWNGRADED\"}', null)");
            }

            MovementBackfillRepository.fill(db);

            List<String> movement = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select evaluation_id || '/' || org_code, movement"
                    + " from evaluation_result where evaluation_id < 3 order by 1")) {
                while (rows.next()) {
                    movement.add(rows.getString(1) + "=" + rows.getString(2));
                }
            }
            assertThat(movement).containsExactly("1/A=UPGRADED", "1/B=CONVERTED", "1/C=null", "2/A=UNCHANGED");
            try (ResultSet rows = sql.executeQuery("select count(*) from evaluation_result"
                    + " where evaluation_id = 3 and movement = 'DOWNGRADED'")) {
                rows.next();
                assertThat(rows.getInt(1)).as("every batch written, the last partial one too").isEqualTo(1200);
            }
        }
    }
}
