package org.grassroots.assessment.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A row altered or deleted with plain SQL, behind the application's back: verify names exactly that row. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + AuditTamperingTest.DATA_DIR, "assessment.demo=false"})
class AuditTamperingTest {

    static final String DATA_DIR = "target/test-data/audit-tampering";
    static final int ENTRIES = 12;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail audit;

    /** Each test starts from the same intact chain, and puts back what it changed. */
    Map<String, Object> saved;

    @BeforeAll
    static void freshDatabase() {
        Api.deleteDirectory(DATA_DIR);
    }

    @BeforeEach
    void intactChainOfTwelve() {
        long stored = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        for (long i = stored; i < ENTRIES; i++) {
            audit.record(AuditAction.ORGANIZATION_UPDATED, "organization:T-" + i, "测试条目 " + i, Map.of("i", i));
        }
        assertThat(verify().get("valid").asBoolean()).isTrue();
        assertThat(verify().get("checked").asLong()).isEqualTo(ENTRIES);
    }

    @AfterEach
    void restore() {
        if (saved != null) {
            jdbc.update("delete from audit_entry where seq = ?", saved.get("SEQ"));
            jdbc.update("insert into audit_entry (id, seq, recorded_at, actor, remote_address, action, target, summary,"
                    + " content_digest, previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    saved.get("ID"), saved.get("SEQ"), saved.get("RECORDED_AT"), saved.get("ACTOR"),
                    saved.get("REMOTE_ADDRESS"), saved.get("ACTION"), saved.get("TARGET"), saved.get("SUMMARY"),
                    saved.get("CONTENT_DIGEST"), saved.get("PREVIOUS_HASH"), saved.get("ENTRY_HASH"));
            saved = null;
        }
        assertThat(verify().get("valid").asBoolean()).as("restored").isTrue();
    }

    JsonNode verify() {
        Api.Reply r = new Api(port).get("/api/audit/verify");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    long idOf(long seq) {
        saved = jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
        return ((Number) saved.get("ID")).longValue();
    }

    @Test
    void an_altered_summary_is_reported_at_its_row() {
        long id = idOf(5);
        assertThat(jdbc.update("update audit_entry set summary = '无关紧要' where seq = 5")).isEqualTo(1);

        JsonNode v = verify();
        assertThat(v.get("valid").asBoolean()).isFalse();
        assertThat(v.get("firstBrokenSeq").asLong()).isEqualTo(5);
        assertThat(v.get("firstBrokenId").asLong()).isEqualTo(id);
        assertThat(v.get("checked").asLong()).isEqualTo(5);
        assertThat(v.get("reason").asString()).contains("entry_hash");
    }

    @Test
    void an_altered_actor_is_reported_at_its_row() {
        long id = idOf(9);
        jdbc.update("update audit_entry set actor = 'someone-else' where id = ?", id);

        JsonNode v = verify();
        assertThat(v.get("valid").asBoolean()).isFalse();
        assertThat(v.get("firstBrokenSeq").asLong()).isEqualTo(9);
        assertThat(v.get("firstBrokenId").asLong()).isEqualTo(id);
    }

    @Test
    void an_altered_row_with_a_recomputed_hash_breaks_the_link_of_the_next_row() {
        idOf(3);
        AuditEntry e = jdbc.query("select * from audit_entry where seq = 3", (rs, n) -> new AuditEntry(rs.getLong("id"),
                3, rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("remote_address"), rs.getString("action"), rs.getString("target"), "改过的摘要",
                rs.getString("content_digest"), rs.getString("previous_hash"), null)).get(0);
        jdbc.update("update audit_entry set summary = ?, entry_hash = ? where seq = 3", e.summary(), e.computeHash());

        JsonNode v = verify();
        assertThat(v.get("valid").asBoolean()).isFalse();
        assertThat(v.get("firstBrokenSeq").asLong()).isEqualTo(4);
        assertThat(v.get("reason").asString()).contains("previous_hash");
    }

    @Test
    void a_deleted_middle_row_is_reported_as_the_gap_at_its_seq() {
        idOf(7);
        jdbc.update("delete from audit_entry where seq = 7");

        JsonNode v = verify();
        assertThat(v.get("valid").asBoolean()).isFalse();
        assertThat(v.get("firstBrokenSeq").asLong()).isEqualTo(7);
        assertThat(v.get("firstBrokenId").isNull()).isTrue();
        assertThat(v.get("reason").asString()).contains("missing");
    }

    @Test
    void a_deleted_last_row_is_reported_missing_at_the_end() {
        idOf(ENTRIES);
        jdbc.update("delete from audit_entry where seq = ?", ENTRIES);

        JsonNode v = verify();
        assertThat(v.get("valid").asBoolean()).isFalse();
        assertThat(v.get("firstBrokenSeq").asLong()).isEqualTo(ENTRIES);
        assertThat(v.get("checked").asLong()).isEqualTo(ENTRIES - 1);
    }
}
