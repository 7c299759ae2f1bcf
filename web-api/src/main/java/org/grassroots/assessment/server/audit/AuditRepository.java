package org.grassroots.assessment.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code audit_entry} table and the chain's head row, with JDBC. Entries are only ever inserted. */
@Repository
class AuditRepository {

    /** The last entry's position and hash (0 and {@link AuditEntry#GENESIS} while the trail is empty). */
    record Head(long seq, String entryHash) {
    }

    private static final String COLUMNS = "id, seq, recorded_at, actor, remote_address, action, target, summary,"
            + " content_digest, previous_hash, entry_hash";
    private static final RowMapper<AuditEntry> ENTRY = AuditRepository::entry;
    private static final RowMapper<Head> HEAD = (rs, n) -> new Head(rs.getLong(1), rs.getString(2));

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The head, locked until the transaction ends: appends wait for each other here. */
    Head lockHead() {
        return jdbc.sql("select seq, entry_hash from audit_chain_head where id = 1 for update").query(HEAD).single();
    }

    Head head() {
        return jdbc.sql("select seq, entry_hash from audit_chain_head where id = 1").query(HEAD).single();
    }

    void insert(AuditEntry e) {
        jdbc.sql("insert into audit_entry (seq, recorded_at, actor, remote_address, action, target, summary,"
                + " content_digest, previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.seq(), e.at().atOffset(ZoneOffset.UTC), e.actor(), e.remoteAddress(), e.action(), e.target(),
                        e.summary(), e.contentDigest(), e.previousHash(), e.entryHash())
                .update();
    }

    void moveHead(Head head) {
        jdbc.sql("update audit_chain_head set seq = ?, entry_hash = ? where id = 1").params(head.seq(), head.entryHash())
                .update();
    }

    /** Up to {@code limit} entries after position {@code seq} and not after {@code last}, in chain order. */
    List<AuditEntry> chain(long seq, long last, int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_entry where seq > ? and seq <= ? order by seq"
                + " fetch first " + limit + " rows only").params(seq, last).query(ENTRY).list();
    }

    /** A page of the entries that match, newest first, and how many match. */
    AuditPage find(AuditFilter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.actor() != null) {
            conditions.add("actor = ?");
            args.add(filter.actor());
        }
        if (filter.action() != null) {
            conditions.add("action = ?");
            args.add(filter.action());
        }
        if (filter.target() != null) {
            if (filter.targetPrefix()) {
                conditions.add("target like ? escape '\\'");
                args.add(likeEscaped(filter.target()) + "%");
            } else {
                // exact, or anything below it: evaluation:17 matches evaluation:17/... but not evaluation:170
                conditions.add("(target = ? or target like ? escape '\\')");
                args.add(filter.target());
                args.add(likeEscaped(filter.target()) + "/%");
            }
        }
        if (filter.from() != null) {
            conditions.add("recorded_at >= ?");
            args.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.toExclusive() != null) {
            conditions.add("recorded_at < ?");
            args.add(filter.toExclusive().atOffset(ZoneOffset.UTC));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Long total = jdbc.sql("select count(*) from audit_entry" + where).params(args).query(Long.class).single();
        List<Object> paged = new ArrayList<>(args);
        paged.add((long) page * size);
        paged.add(size);
        List<AuditEntry> entries = jdbc.sql("select " + COLUMNS + " from audit_entry" + where
                + " order by seq desc offset ? rows fetch next ? rows only").params(paged).query(ENTRY).list();
        return new AuditPage(page, size, total == null ? 0 : total, entries);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getLong("seq"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("remote_address"), rs.getString("action"), rs.getString("target"), rs.getString("summary"),
                rs.getString("content_digest"), rs.getString("previous_hash"), rs.getString("entry_hash"));
    }
}
