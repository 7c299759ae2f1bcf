package org.grassroots.assessment.server.evaluation;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores and reads the inputs an evaluation read ({@link InputSnapshot}): its compressed bundle in parts and the extras. */
@Component
class EvaluationSnapshotRepository {

    private final JdbcClient jdbc;

    EvaluationSnapshotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertPart(long evaluationId, int part, byte[] data) {
        jdbc.sql("insert into evaluation_snapshot_part (evaluation_id, part, data) values (?, ?, ?)")
                .params(evaluationId, part, data).update();
    }

    void insert(long evaluationId, int format, int parts, long bundleBytes, String extrasJson) {
        jdbc.sql("insert into evaluation_snapshot (evaluation_id, format, parts, bundle_bytes, extras_json)"
                + " values (?, ?, ?, ?, ?)").params(evaluationId, format, parts, bundleBytes, extrasJson).update();
    }

    /** The snapshot's extras JSON; empty for an evaluation stored before snapshots were kept. */
    Optional<String> extrasJson(long evaluationId) {
        return jdbc.sql("select extras_json from evaluation_snapshot where evaluation_id = ?").param(evaluationId)
                .query(String.class).optional();
    }

    /** The compressed bundle, its parts in order. */
    InputStream bundle(long evaluationId) {
        List<byte[]> parts = jdbc.sql("select data from evaluation_snapshot_part where evaluation_id = ? order by part")
                .param(evaluationId).query((rs, n) -> rs.getBytes(1)).list();
        return new SequenceInputStream(Collections.enumeration(parts.stream()
                .map(b -> (InputStream) new ByteArrayInputStream(b)).toList()));
    }
}
