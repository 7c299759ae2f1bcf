package org.grassroots.assessment.server.organization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.MemberRecord;

/** The SQL of Flyway migrations 22.2 ({@link MemberRollMigration}) and 22.6 ({@link MemberRollIdsMigration}), on Flyway's connection. */
final class MemberRollMigrationRepository {

    private MemberRollMigrationRepository() {
    }

    /**
     * Reads the member records by organization (the order of an index on both databases, so neither
     * sorts the table) and writes each organization's records of each period as one roll.
     */
    static void copy(Connection db) throws SQLException {
        try (Statement read = db.createStatement();
                PreparedStatement write = db.prepareStatement("insert into member_roll (org_code, period, member_count,"
                        + " members, version) values (?, ?, ?, ?, 0)")) {
            read.setFetchSize(1000);
            Map<String, List<MemberRecord>> ofOrganization = new TreeMap<>();
            String org = null;
            int batched = 0;
            try (ResultSet rs = read.executeQuery("select member_id, org_code, period, floating, service_hours, appraisal,"
                    + " innovations, management_results, study_attendance_rate, test_score, disciplinary_action"
                    + " from member_record order by org_code")) {
                while (rs.next()) {
                    MemberRecord m = new MemberRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getDouble(5), Appraisal.valueOf(rs.getString(6)), rs.getInt(7), rs.getInt(8),
                            rs.getDouble(9), rs.getDouble(10), rs.getBoolean(11));
                    if (!m.orgCode().equals(org)) {
                        batched = add(write, ofOrganization, batched);
                        org = m.orgCode();
                    }
                    ofOrganization.computeIfAbsent(m.period(), p -> new ArrayList<>()).add(m);
                }
            }
            if (add(write, ofOrganization, batched) > 0) {
                write.executeBatch();
            }
        }
    }

    /**
     * Writes the memberIds of every stored roll beside it, reading the rolls a page at a time in key
     * order (a province's rolls do not fit in the heap at once).
     */
    static void fillIds(Connection db) throws SQLException {
        try (PreparedStatement read = db.prepareStatement("select org_code, period, members from member_roll"
                        + " where org_code > ? or org_code = ? and period > ? order by org_code, period"
                        + " fetch first " + MemberRepository.PAGE + " rows only");
                PreparedStatement write = db.prepareStatement(MemberRepository.INSERT_IDS)) {
            String org = "";
            String period = "";
            while (true) {
                read.setString(1, org);
                read.setString(2, org);
                read.setString(3, period);
                int rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        org = rs.getString(1);
                        period = rs.getString(2);
                        write.setString(1, org);
                        write.setString(2, period);
                        write.setString(3, MemberRoll.idList(MemberRoll.ids(rs.getString(3))));
                        write.addBatch();
                        rows++;
                    }
                }
                if (rows > 0) {
                    write.executeBatch();
                }
                if (rows < MemberRepository.PAGE) {
                    return;
                }
            }
        }
    }

    /** Adds a roll per period of one organization's records to the batch, runs a full batch; returns how many wait. */
    private static int add(PreparedStatement write, Map<String, List<MemberRecord>> ofOrganization, int batched)
            throws SQLException {
        for (List<MemberRecord> roll : ofOrganization.values()) {
            write.setString(1, roll.get(0).orgCode());
            write.setString(2, roll.get(0).period());
            write.setInt(3, roll.size());
            write.setString(4, MemberRoll.write(roll));
            write.addBatch();
            if (++batched == MemberRepository.BATCH_SIZE) {
                write.executeBatch();
                batched = 0;
            }
        }
        ofOrganization.clear();
        return batched;
    }
}
