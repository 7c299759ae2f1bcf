package org.grassroots.assessment.server.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.server.storage.StoredRowLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored member records, one per (memberId, period): each organization's records of a period are
 * one row of {@code member_roll} ({@link MemberRoll}), written only by imports.
 */
@Repository
public class MemberRepository {

    /** Rolls per JDBC batch: some 2 KB each at 30 members. */
    static final int BATCH_SIZE = 200;
    /** Rolls per page when a whole period is read. */
    static final int PAGE = 500;

    private final JdbcClient jdbc;
    // JdbcClient has no batch API: the bulk writes stay JDBC batches on JdbcTemplate
    private final JdbcTemplate batch;

    MemberRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The organization's member records of the period, or of every period when it is null; by period, then memberId. */
    public List<MemberRecord> list(String orgCode, String period) {
        String sql = "select period, members from member_roll where org_code = :org"
                + (period == null ? "" : " and period = :period") + " order by period";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("org", orgCode);
        if (period != null) {
            spec = spec.param("period", period);
        }
        List<MemberRecord> members = new ArrayList<>();
        spec.query(rs -> {
            members.addAll(MemberRoll.read(rs.getString("members"), orgCode, rs.getString("period")));
        });
        return members;
    }

    /**
     * Every member record of a period, by organization and memberId, handed over one roll at a time as
     * read (a district holds hundreds of thousands; the workbook export writes them as they come).
     */
    public void forEachInPeriod(String period, Consumer<MemberRecord> each) {
        forEachRoll(period, roll -> MemberRoll.read(roll.members(), roll.orgCode(), period).forEach(each));
    }

    /** A stored roll as read. */
    private record StoredRoll(String orgCode, String members, long version) {
    }

    /**
     * The period's rolls by organization code, read a page at a time: a province's rolls do not fit in
     * the heap at once, and neither database is asked to hold a large result for the reader.
     */
    private void forEachRoll(String period, Consumer<StoredRoll> each) {
        String after = "";
        while (true) {
            List<StoredRoll> page = jdbc.sql("select org_code, members, version from member_roll"
                            + " where period = ? and org_code > ? order by org_code fetch first " + PAGE + " rows only")
                    .params(period, after)
                    .query((rs, n) -> new StoredRoll(rs.getString("org_code"), rs.getString("members"), rs.getLong("version")))
                    .list();
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).orgCode();
        }
    }

    /** How many member records each organization has in the period. */
    public Map<String, Integer> countsByOrganization(String period) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select org_code, member_count from member_roll where period = ?").param(period)
                .query(rs -> {
                    counts.put(rs.getString("org_code"), rs.getInt("member_count"));
                });
        return counts;
    }

    public int count(String orgCode, String period) {
        return jdbc.sql("select member_count from member_roll where org_code = ? and period = ?").params(orgCode, period)
                .query(Integer.class).optional().orElse(0);
    }

    /**
     * Stores the member records, replacing those with the same (memberId, period), wherever stored: a
     * member recorded in another organization of the period leaves that organization's roll.
     *
     * @return how many were new
     * @throws ConcurrentWriteException when another write changed one of the rolls since it was read
     */
    public int upsert(List<MemberRecord> members) {
        Map<String, List<MemberRecord>> byPeriod = new TreeMap<>();
        for (MemberRecord m : members) {
            byPeriod.computeIfAbsent(m.period(), p -> new ArrayList<>()).add(m);
        }
        int added = 0;
        for (Map.Entry<String, List<MemberRecord>> period : byPeriod.entrySet()) {
            added += upsert(period.getKey(), period.getValue());
        }
        return added;
    }

    private int upsert(String period, List<MemberRecord> members) {
        MemberRollChanges changes = new MemberRollChanges(period);
        Set<String> orgs = new LinkedHashSet<>();
        for (MemberRecord m : members) {
            orgs.add(m.orgCode());
        }
        StoredRowLookup.inChunks(new ArrayList<>(orgs), chunk -> jdbc.sql("select org_code, members, version"
                        + " from member_roll where period = :period and org_code in (:orgs)")
                .param("period", period).param("orgs", chunk)
                .query(rs -> {
                    changes.stored(rs.getString("org_code"), rs.getString("members"), rs.getLong("version"));
                }));
        if (storedRolls(period) > changes.storedRolls()) {
            readRollsLeft(period, members, orgs, changes);
        }
        int added = changes.put(members);
        write(period, changes.changes());
        return added;
    }

    private int storedRolls(String period) {
        return jdbc.sql("select count(*) from member_roll where period = ?").param(period).query(Integer.class).single();
    }

    /**
     * The rolls of other organizations that hold one of the members (who then moves): the period's
     * rolls are read a page at a time and only those are kept, so what is held stays the size of the import.
     */
    private void readRollsLeft(String period, List<MemberRecord> members, Set<String> orgs, MemberRollChanges changes) {
        Set<String> ids = new HashSet<>();
        for (MemberRecord m : members) {
            ids.add(m.memberId());
        }
        forEachRoll(period, roll -> {
            if (orgs.contains(roll.orgCode())) {
                return;
            }
            for (String id : MemberRoll.ids(roll.members())) {
                if (ids.contains(id)) {
                    changes.stored(roll.orgCode(), roll.members(), roll.version());
                    return;
                }
            }
        });
    }

    private void write(String period, List<MemberRollChanges.Change> changes) {
        List<MemberRollChanges.Change> inserts = new ArrayList<>();
        List<MemberRollChanges.Change> updates = new ArrayList<>();
        List<MemberRollChanges.Change> deletes = new ArrayList<>();
        for (MemberRollChanges.Change c : changes) {
            (c.version() == null ? inserts : c.roll() == null ? deletes : updates).add(c);
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("insert into member_roll (org_code, period, member_count, members, version)"
                + " values (?, ?, ?, ?, 0)", inserts, BATCH_SIZE, (ps, c) -> {
                    ps.setString(1, c.orgCode());
                    ps.setString(2, period);
                    ps.setInt(3, c.members());
                    ps.setString(4, c.roll());
                });
        }
        if (!updates.isEmpty()) {
            requireOne(batch.batchUpdate("update member_roll set member_count = ?, members = ?, version = version + 1"
                + " where org_code = ? and period = ? and version = ?", updates, BATCH_SIZE, (ps, c) -> {
                    ps.setInt(1, c.members());
                    ps.setString(2, c.roll());
                    ps.setString(3, c.orgCode());
                    ps.setString(4, period);
                    ps.setLong(5, c.version());
                }));
        }
        if (!deletes.isEmpty()) {
            requireOne(batch.batchUpdate("delete from member_roll where org_code = ? and period = ? and version = ?",
                deletes, BATCH_SIZE, (ps, c) -> {
                    ps.setString(1, c.orgCode());
                    ps.setString(2, period);
                    ps.setLong(3, c.version());
                }));
        }
    }

    /** Every row of a batch written: a roll another write changed since it was read is not overwritten. */
    private static void requireOne(int[][] counts) {
        for (int[] ofBatch : counts) {
            for (int count : ofBatch) {
                if (count == 0) {
                    throw new ConcurrentWriteException();
                }
            }
        }
    }
}
