package org.grassroots.assessment.server.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.server.storage.StoredRowLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored member records, one per (memberId, period): each organization's records of a period are
 * one row of {@code member_roll} ({@link MemberRoll}), written only by imports, with its memberIds in a
 * row of {@code member_roll_ids} beside it (what an import reads to find members it moves).
 */
@Repository
public class MemberRepository {

    /** Rolls per JDBC batch: some 2 KB each at 30 members. */
    static final int BATCH_SIZE = 200;
    /** Rolls per page when a whole period is read. */
    static final int PAGE = 500;
    /** A roll's memberIds row ({@link MemberRoll#idList}). */
    static final String INSERT_IDS = "insert into member_roll_ids (org_code, period, member_ids) values (?, ?, ?)";

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
        forEachOfPeriod("member_roll", "members", period,
                (orgCode, roll) -> MemberRoll.read(roll, orgCode, period).forEach(each));
    }

    /**
     * Each organization's value of one column of a period's rows ({@code member_roll}'s rolls or
     * {@code member_roll_ids}' ids), by organization code, read a page at a time: a province's rolls do
     * not fit in the heap at once, and neither database is asked to hold a large result for the reader.
     */
    private void forEachOfPeriod(String table, String column, String period, BiConsumer<String, String> each) {
        String after = "";
        while (true) {
            List<String[]> page = jdbc.sql("select org_code, " + column + " from " + table
                            + " where period = ? and org_code > ? order by org_code fetch first " + PAGE + " rows only")
                    .params(period, after)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            page.forEach(row -> each.accept(row[0], row[1]));
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1)[0];
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
        readRolls(period, orgs, changes);
        if (storedRolls(period) > changes.storedRolls()) {
            readRolls(period, rollsLeft(period, members, orgs), changes);
        }
        int added = changes.put(members);
        write(period, changes.changes());
        return added;
    }

    /** The stored rolls of these organizations in the period, for the changes. */
    private void readRolls(String period, Collection<String> orgs, MemberRollChanges changes) {
        StoredRowLookup.inChunks(new ArrayList<>(orgs), chunk -> jdbc.sql("select org_code, members, version"
                        + " from member_roll where period = :period and org_code in (:orgs)")
                .param("period", period).param("orgs", chunk)
                .query(rs -> {
                    changes.stored(rs.getString("org_code"), rs.getString("members"), rs.getLong("version"));
                }));
    }

    private int storedRolls(String period) {
        return jdbc.sql("select count(*) from member_roll where period = ?").param(period).query(Integer.class).single();
    }

    /**
     * The other organizations whose roll of the period holds one of the members (who then moves): the
     * period's memberIds ({@code member_roll_ids}, about a tenth of its rolls) are read a page at a time,
     * so what is held stays the size of the import.
     */
    private List<String> rollsLeft(String period, List<MemberRecord> members, Set<String> orgs) {
        Set<String> ids = new HashSet<>();
        for (MemberRecord m : members) {
            ids.add(m.memberId());
        }
        List<String> holding = new ArrayList<>();
        forEachOfPeriod("member_roll_ids", "member_ids", period, (orgCode, idList) -> {
            if (!orgs.contains(orgCode) && holdsAny(idList, ids)) {
                holding.add(orgCode);
            }
        });
        return holding;
    }

    private static boolean holdsAny(String idList, Set<String> ids) {
        for (String id : MemberRoll.idsOf(idList)) {
            if (ids.contains(id)) {
                return true;
            }
        }
        return false;
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
            batch.batchUpdate(INSERT_IDS, inserts, BATCH_SIZE, (ps, c) -> {
                ps.setString(1, c.orgCode());
                ps.setString(2, period);
                ps.setString(3, c.ids());
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
            List<MemberRollChanges.Change> newIds = updates.stream().filter(c -> c.ids() != null).toList();
            if (!newIds.isEmpty()) {
                requireOne(batch.batchUpdate("update member_roll_ids set member_ids = ? where org_code = ? and period = ?",
                    newIds, BATCH_SIZE, (ps, c) -> {
                        ps.setString(1, c.ids());
                        ps.setString(2, c.orgCode());
                        ps.setString(3, period);
                    }));
            }
        }
        if (!deletes.isEmpty()) {
            batch.batchUpdate("delete from member_roll_ids where org_code = ? and period = ?", deletes, BATCH_SIZE,
                (ps, c) -> {
                    ps.setString(1, c.orgCode());
                    ps.setString(2, period);
                });
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
