package org.grassroots.assessment.server.evaluation;

import java.sql.Date;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.server.rectification.ItemSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Stores an evaluation's record and one row per organization (JDBC batches). */
@Component
class EvaluationWriteRepository {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    // JdbcClient has no batch API; the result rows go in JDBC batches of BATCH rows
    private final JdbcTemplate batch;

    EvaluationWriteRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The evaluation's own row. */
    record Header(String period, LocalDate asOf, String ruleSetVersion, String ruleSetChecksum, String inputsDigest,
            int organizations, Instant createdAt, String createdBy, String previousGrades, FactBasis factBasis) {
    }

    long insert(Header h) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into evaluation (period, as_of, rule_set_version, rule_set_checksum, inputs_digest,"
                        + " organizations, created_at, created_by, previous_grades, fact_basis)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(h.period(), Date.valueOf(h.asOf()), h.ruleSetVersion(), h.ruleSetChecksum(),
                        new SqlParameterValue(Types.VARCHAR, h.inputsDigest()), h.organizations(),
                        h.createdAt().atOffset(ZoneOffset.UTC), new SqlParameterValue(Types.VARCHAR, h.createdBy()),
                        new SqlParameterValue(Types.VARCHAR, h.previousGrades()), h.factBasis().name())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The evaluation's rule coverage (see {@link EvaluationCoverage}). */
    void insertCoverage(long id, String coverageJson) {
        jdbc.sql("update evaluation set coverage_json = ? where id = ?").params(new SqlParameterValue(Types.VARCHAR, coverageJson), id)
                .update();
    }

    /**
     * The evaluation's figures known once every batch was read: the inputs' digest, how many
     * organizations and where the previous tiers came from.
     */
    void complete(long id, String inputsDigest, int organizations, String previousGrades) {
        jdbc.sql("update evaluation set inputs_digest = ?, organizations = ?, previous_grades = ? where id = ?")
                .params(new SqlParameterValue(Types.VARCHAR, inputsDigest), organizations,
                        new SqlParameterValue(Types.VARCHAR, previousGrades), id)
                .update();
    }

    /**
     * Rows of organizations, each with its place in the rank order: the result with its explanation,
     * its members' titles and its rectification items as the ledger holds them as of the as-of date
     * (their JSON written here, in parallel).
     */
    void insertResults(long evaluationId, List<Ranked> ranked) {
        List<Row> rows = ranked.parallelStream()
                .map(r -> new Row(r.order(), r.result(), EvaluationJson.MAPPER.writeValueAsString(r.result()),
                        r.membersJson(), EvaluationJson.MAPPER.writeValueAsString(r.items())))
                .collect(Collectors.toCollection(ArrayList::new));
        batch.batchUpdate("insert into evaluation_result (evaluation_id, org_code, rank, rank_in_type, rank_in_parent,"
                + " type, parent_code, tier, composite, result_json, members_json, items_json, list_order, movement)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, BATCH, (ps, r) -> {
                    OrganizationResult o = r.result();
                    ps.setLong(1, evaluationId);
                    ps.setString(2, o.code());
                    ps.setInt(3, o.rank());
                    ps.setInt(4, o.rankInType());
                    ps.setInt(5, o.rankInParent());
                    ps.setString(6, o.type().name());
                    if (o.parentCode() == null) {
                        ps.setNull(7, Types.VARCHAR);
                    } else {
                        ps.setString(7, o.parentCode());
                    }
                    ps.setString(8, o.tier().name());
                    ps.setDouble(9, o.composite());
                    ps.setString(10, r.resultJson());
                    ps.setString(11, r.membersJson());
                    ps.setString(12, r.itemsJson());
                    ps.setInt(13, r.order());
                    if (o.movement() == null) {
                        ps.setNull(14, Types.VARCHAR);
                    } else {
                        ps.setString(14, o.movement().name());
                    }
                });
    }

    /** An organization's result ranked, its place in the rank order, its members' JSON and its listed items. */
    record Ranked(int order, OrganizationResult result, String membersJson, List<ItemSnapshot> items) {
    }

    private record Row(int order, OrganizationResult result, String resultJson, String membersJson, String itemsJson) {
    }
}
