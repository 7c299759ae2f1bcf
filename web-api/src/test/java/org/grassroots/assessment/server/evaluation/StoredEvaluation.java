package org.grassroots.assessment.server.evaluation;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything an evaluation stored, read back for comparison: its record (all but its id and when it
 * ran), its rows in rank order (every column), its rule coverage and the inputs it kept, read back
 * as records (their compressed bytes depend on how they were cut).
 */
record StoredEvaluation(Map<String, Object> header, List<Map<String, Object>> rows, String inputs,
        Map<String, ?> previousTiers, String inputsExtras) {

    static StoredEvaluation of(JdbcTemplate jdbc, EvaluationSnapshotRepository snapshots, long id) {
        Map<String, Object> header = jdbc.queryForMap("select period, as_of, rule_set_version, rule_set_checksum,"
                + " inputs_digest, organizations, previous_grades, fact_basis, coverage_json from evaluation where id = ?", id);
        List<Map<String, Object>> rows = jdbc.queryForList("select org_code, rank, rank_in_type, rank_in_parent, type,"
                + " parent_code, tier, composite, result_json, members_json, items_json, list_order, movement"
                + " from evaluation_result where evaluation_id = ? order by list_order", id);
        java.io.ByteArrayOutputStream bundle = new java.io.ByteArrayOutputStream();
        InputSnapshot.writeBundle(snapshots.bundle(id), bundle);
        String extras = snapshots.extrasJson(id).orElseThrow();
        Map<String, ?> tiers = InputSnapshot.readPreviousTiers(snapshots.bundle(id));
        return new StoredEvaluation(header, rows, bundle.toString(java.nio.charset.StandardCharsets.UTF_8), tiers, extras);
    }

    /** The rectification ledger: every item and step, in id order, every column. */
    static List<Map<String, Object>> ledger(JdbcTemplate jdbc) {
        List<Map<String, Object>> all = new java.util.ArrayList<>(
                jdbc.queryForList("select * from rectification_item order by id"));
        all.addAll(jdbc.queryForList("select * from rectification_step order by id"));
        return all;
    }
}
