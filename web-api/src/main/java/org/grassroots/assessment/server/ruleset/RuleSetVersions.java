package org.grassroots.assessment.server.ruleset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The {@code rule_set_version} table: every rule set version the server has known, with its files. */
@Repository
class RuleSetVersions {

    static final String DRAFT = "DRAFT";
    static final String ACTIVE = "ACTIVE";
    static final String RETIRED = "RETIRED";

    private static final int MAX_FILES_JSON = 1_000_000;
    private static final String COLUMNS = "id, version, checksum, status, comment, created_by, created_at,"
            + " activated_by, activated_at";
    private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    RuleSetVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored version without its files. */
    record Row(long id, String version, String checksum, String status, String comment, String createdBy,
            Instant createdAt, String activatedBy, Instant activatedAt) {
    }

    long insert(String version, String checksum, String status, Map<String, String> files, String comment,
            String createdBy, Instant createdAt) {
        String json = ResultJson.mapper().writeValueAsString(new TreeMap<>(files));
        if (json.length() > MAX_FILES_JSON) {
            throw new InvalidRequestException("/files", "the rule files are too large to store (" + json.length()
                    + " characters as JSON, at most " + MAX_FILES_JSON + ")");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        boolean active = ACTIVE.equals(status);
        jdbc.sql("insert into rule_set_version (version, checksum, status, files_json, comment, created_by, created_at,"
                        + " activated_by, activated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(version, checksum, status, json,
                        comment, createdBy, Timestamp.from(createdAt), active ? createdBy : null,
                        active ? Timestamp.from(createdAt) : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean hasChecksum(String checksum) {
        return jdbc.sql("select count(*) from rule_set_version where checksum = ?").param(checksum).query(Long.class)
                .single() > 0;
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from rule_set_version").query(Long.class).single() == 0;
    }

    /** Newest first. */
    List<Row> list() {
        return jdbc.sql("select " + COLUMNS + " from rule_set_version order by id desc").query(RuleSetVersions::row)
                .list();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from rule_set_version where id = ?").param(id)
                .query(RuleSetVersions::row).optional();
    }

    Optional<Row> active() {
        return jdbc.sql("select " + COLUMNS + " from rule_set_version where status = ? order by id desc")
                .param(ACTIVE).query(RuleSetVersions::row).list().stream().findFirst();
    }

    /** The versions stored after {@code id}, oldest first (the rule set follower's look for new drafts). */
    List<Row> newerThan(long id) {
        return jdbc.sql("select " + COLUMNS + " from rule_set_version where id > ? order by id").param(id)
                .query(RuleSetVersions::row).list();
    }

    SortedMap<String, String> files(long id) {
        String json = jdbc.sql("select files_json from rule_set_version where id = ?").param(id).query(String.class)
                .single();
        return ResultJson.mapper().readValue(json, FILES);
    }

    /** Makes a version the active one: the previous active one becomes RETIRED. Call in a transaction. */
    void markActive(long id, String who, Instant at) {
        jdbc.sql("update rule_set_version set status = ? where status = ? and id <> ?").params(RETIRED, ACTIVE, id)
                .update();
        jdbc.sql("update rule_set_version set status = ?, activated_by = ?, activated_at = ? where id = ?")
                .params(ACTIVE, who, Timestamp.from(at), id).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp activated = rs.getTimestamp("activated_at");
        return new Row(rs.getLong("id"), rs.getString("version"), rs.getString("checksum"), rs.getString("status"),
                rs.getString("comment"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("activated_by"), activated == null ? null : activated.toInstant());
    }
}
