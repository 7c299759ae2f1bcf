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

/** The SQL of Flyway migration 22.2 ({@link MemberRollMigration}), on Flyway's connection. */
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
