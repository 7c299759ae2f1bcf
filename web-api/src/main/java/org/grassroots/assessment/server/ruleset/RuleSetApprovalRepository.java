package org.grassroots.assessment.server.ruleset;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The approvals of rule-set versions (table {@code rule_set_approval}, four-eyes activation): who
 * approved which version when, against which active set, and the impact notice they saw.
 */
@Repository
class RuleSetApprovalRepository {

    private static final String COLUMNS = "id, version_id, approved_by, approved_at, period, as_of, base_checksum,"
            + " digest, comment";

    private final JdbcClient jdbc;

    RuleSetApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An approval without its notice. {@code baseChecksum} null: a release (the shipped set), valid on any base. */
    record Row(long id, long versionId, String approvedBy, Instant approvedAt, String period, LocalDate asOf,
            String baseChecksum, String digest, String comment) {
    }

    long insert(long versionId, String approvedBy, Instant at, String period, LocalDate asOf, String baseChecksum,
            String digest, String comment, String noticeJson) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into rule_set_approval (version_id, approved_by, approved_at, period, as_of, base_checksum,"
                + " digest, comment, notice_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(versionId, approvedBy, at.atOffset(ZoneOffset.UTC), period, asOf == null ? null : Date.valueOf(asOf),
                        baseChecksum, digest, comment, noticeJson)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The version's approvals, newest first. */
    List<Row> of(long versionId) {
        return jdbc.sql("select " + COLUMNS + " from rule_set_approval where version_id = ? order by id desc")
                .param(versionId).query(RuleSetApprovalRepository::row).list();
    }

    /** Every version that has at least one approval. */
    List<Long> approvedVersions() {
        return jdbc.sql("select distinct version_id from rule_set_approval").query(Long.class).list();
    }

    String noticeJson(long approvalId) {
        return jdbc.sql("select notice_json from rule_set_approval where id = ?").param(approvalId).query(String.class)
                .optional().orElse(null);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Date asOf = rs.getDate("as_of");
        return new Row(rs.getLong("id"), rs.getLong("version_id"), rs.getString("approved_by"),
                rs.getObject("approved_at", OffsetDateTime.class).toInstant(), rs.getString("period"),
                asOf == null ? null : asOf.toLocalDate(), rs.getString("base_checksum"), rs.getString("digest"),
                rs.getString("comment"));
    }
}
