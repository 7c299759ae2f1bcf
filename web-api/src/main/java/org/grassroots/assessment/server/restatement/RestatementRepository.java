package org.grassroots.assessment.server.restatement;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.ResultJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Stores restatements and their results (tables restatement, restatement_result). */
@Component
class RestatementRepository {

    static final JsonMapper JSON = ResultJson.mapper().rebuild()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RestatementRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insert(long evaluationId, long ruleVersionId, String version, String checksum, int organizations,
            Instant at, String who) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into restatement (evaluation_id, rule_version_id, rule_set_version, rule_set_checksum,"
                        + " organizations, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(evaluationId, ruleVersionId, version, checksum, organizations, at.atOffset(ZoneOffset.UTC),
                        new SqlParameterValue(Types.VARCHAR, who))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertResults(long restatementId, EvaluationResult result) {
        List<OrganizationResult> orgs = result.organizations();
        List<String> json = orgs.parallelStream().map(JSON::writeValueAsString).toList();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < orgs.size(); i++) {
            order.add(i);
        }
        batch.batchUpdate("insert into restatement_result (restatement_id, org_code, rank, tier, composite, movement,"
                + " result_json) values (?, ?, ?, ?, ?, ?, ?)", order, BATCH, (ps, i) -> {
                    OrganizationResult o = orgs.get(i);
                    ps.setLong(1, restatementId);
                    ps.setString(2, o.code());
                    ps.setInt(3, o.rank());
                    ps.setString(4, o.tier().name());
                    ps.setDouble(5, o.composite());
                    if (o.movement() == null) {
                        ps.setNull(6, Types.VARCHAR);
                    } else {
                        ps.setString(6, o.movement().name());
                    }
                    ps.setString(7, json.get(i));
                });
    }

    List<RestatementRecord> list(long evaluationId) {
        return jdbc.sql(SELECT + " where evaluation_id = ? order by id").param(evaluationId).query(RestatementRepository::header)
                .list();
    }

    Optional<RestatementRecord> find(long evaluationId, long restatementId) {
        return jdbc.sql(SELECT + " where evaluation_id = ? and id = ?").params(evaluationId, restatementId)
                .query(RestatementRepository::header).optional();
    }

    /** The restated results by organization code, in rank order. */
    Map<String, OrganizationResult> results(long restatementId) {
        Map<String, OrganizationResult> byCode = new LinkedHashMap<>();
        jdbc.sql("select result_json from restatement_result where restatement_id = ? order by rank, org_code")
                .param(restatementId).query((rs, n) -> JSON.readValue(rs.getString(1), OrganizationResult.class))
                .list().forEach(o -> byCode.put(o.code(), o));
        return byCode;
    }

    private static final String SELECT = "select id, evaluation_id, rule_version_id, rule_set_version, rule_set_checksum,"
            + " organizations, created_at, created_by from restatement";

    private static RestatementRecord header(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RestatementRecord(rs.getLong("id"), rs.getLong("evaluation_id"), rs.getLong("rule_version_id"),
                rs.getString("rule_set_version"), rs.getString("rule_set_checksum"), rs.getInt("organizations"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}
