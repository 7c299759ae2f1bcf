package org.grassroots.assessment.server.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.MemberRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Member records replace each other by (memberId, period) whatever organization holds them, on an
 * embedded database migrated by the application's scripts; the rolls that do not change are not written.
 */
class MemberRepositoryTest {

    /** A write's kind and table: "insert member_roll", "update member_roll_ids", … */
    private static final Pattern WRITE = Pattern.compile("(insert|update|delete)(?: into| from)? (\\w+)");

    private DataSource database;
    private JdbcClient jdbc;
    private final List<String> written = new ArrayList<>();
    private Runnable beforeWrite = () -> { };
    private MemberRepository members;

    @BeforeEach
    void database() {
        database = new DriverManagerDataSource("jdbc:h2:mem:members-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        jdbc = JdbcClient.create(database);
        members = new MemberRepository(jdbc, new JdbcTemplate(database) {
            @Override
            public <T> int[][] batchUpdate(String sql, Collection<T> rows, int size, ParameterizedPreparedStatementSetter<T> setter) {
                Matcher table = WRITE.matcher(sql);
                assertThat(table.lookingAt()).as(sql).isTrue();
                written.add(table.group(1) + " " + table.group(2) + " " + rows.size());
                beforeWrite.run();
                return super.batchUpdate(sql, rows, size, setter);
            }
        });
        for (String org : List.of("A", "B", "C")) {
            organization(org);
        }
    }

    private void organization(String code) {
        jdbc.sql("insert into organization (code, name, type, level, parent_code, has_party_groups, updated_at)"
                + " values (?, ?, 'VILLAGE', 'BRANCH', null, false, current_timestamp)").params(code, code + "村党支部").update();
    }

    @Test
    void new_records_are_counted_and_an_unchanged_import_writes_nothing() {
        List<MemberRecord> records = List.of(member("A-1", "A", "2026", 10), member("A-2", "A", "2026", 11),
                member("B-1", "B", "2026", 12), member("A-1", "A", "2025", 9));

        assertThat(members.upsert(records)).isEqualTo(4);
        assertThat(written).containsExactly("insert member_roll 1", "insert member_roll_ids 1", "insert member_roll 2",
                "insert member_roll_ids 2");
        written.clear();

        assertThat(members.upsert(records)).isZero();
        assertThat(written).isEmpty();
        assertIdsBesideRolls();
        assertThat(members.list("A", null)).containsExactly(records.get(3), records.get(0), records.get(1));
        assertThat(members.countsByOrganization("2026")).isEqualTo(Map.of("A", 2, "B", 1));
        assertThat(members.count("A", "2025")).isEqualTo(1);
        assertThat(members.count("C", "2026")).isZero();
    }

    @Test
    void a_changed_record_replaces_the_stored_one_in_its_roll() {
        members.upsert(List.of(member("A-1", "A", "2026", 10), member("A-2", "A", "2026", 11)));

        assertThat(members.upsert(List.of(member("A-2", "A", "2026", 20), member("A-3", "A", "2026", 30)))).isEqualTo(1);

        assertThat(members.list("A", "2026")).extracting(MemberRecord::serviceHours).containsExactly(10.0, 20.0, 30.0);
        assertThat(jdbc.sql("select version from member_roll where org_code = 'A'").query(Long.class).single()).isEqualTo(1);
        assertIdsBesideRolls();

        // the same members with another value: the roll changes, its memberIds do not
        written.clear();
        assertThat(members.upsert(List.of(member("A-1", "A", "2026", 15)))).isZero();
        assertThat(written).containsExactly("update member_roll 1");
        assertThat(members.list("A", "2026")).extracting(MemberRecord::serviceHours).containsExactly(15.0, 20.0, 30.0);
        assertIdsBesideRolls();
    }

    @Test
    void a_member_recorded_in_another_organization_leaves_the_roll_it_was_on() {
        members.upsert(List.of(member("M-1", "A", "2026", 1), member("M-2", "A", "2026", 2), member("M-3", "B", "2026", 3),
                member("M-1", "A", "2025", 1)));

        // M-1 moves from A (written too) to B, M-3 from B to C; M-2 stays
        assertThat(members.upsert(List.of(member("M-1", "B", "2026", 5), member("M-3", "C", "2026", 6)))).isZero();

        assertThat(members.list("A", "2026")).extracting(MemberRecord::memberId).containsExactly("M-2");
        assertThat(members.list("B", "2026")).extracting(MemberRecord::memberId).containsExactly("M-1");
        assertThat(members.list("C", "2026")).extracting(MemberRecord::memberId).containsExactly("M-3");
        assertThat(members.list("A", "2025")).as("another period").extracting(MemberRecord::memberId).containsExactly("M-1");
        assertIdsBesideRolls();

        // the last member of A leaves: its roll goes
        assertThat(members.upsert(List.of(member("M-2", "C", "2026", 7)))).isZero();
        assertThat(jdbc.sql("select count(*) from member_roll where org_code = 'A' and period = '2026'").query(Integer.class)
                .single()).isZero();
        assertThat(members.countsByOrganization("2026")).isEqualTo(Map.of("B", 1, "C", 2));
        assertThat(written).contains("delete member_roll_ids 1", "delete member_roll 1");
        assertIdsBesideRolls();
    }

    @Test
    void a_roll_changed_by_another_write_since_it_was_read_is_not_overwritten() {
        members.upsert(List.of(member("A-1", "A", "2026", 10), member("B-1", "B", "2026", 11)));
        beforeWrite = () -> jdbc.sql("update member_roll set version = version + 1").update();

        assertThatThrownBy(() -> members.upsert(List.of(member("A-1", "A", "2026", 99))))
                .isInstanceOf(ConcurrentWriteException.class);
        assertThatThrownBy(() -> members.upsert(List.of(member("B-1", "A", "2026", 99))))
                .as("the roll the member leaves").isInstanceOf(ConcurrentWriteException.class);
        assertThat(members.list("B", "2026")).extracting(MemberRecord::serviceHours).containsExactly(11.0);
        assertIdsBesideRolls();
    }

    @Test
    void a_period_of_more_rolls_than_a_page_is_read_whole() {
        List<MemberRecord> records = new ArrayList<>();
        for (int org = 0; org < MemberRepository.PAGE + 2; org++) {
            String code = String.format("P%04d", org);
            organization(code);
            records.add(member(code + "-1", code, "2026", org));
        }
        members.upsert(records);

        List<MemberRecord> read = new ArrayList<>();
        members.forEachInPeriod("2026", read::add);
        assertThat(read).isEqualTo(records);

        // a member of the last page's roll moves
        String last = String.format("P%04d", MemberRepository.PAGE + 1);
        assertThat(members.upsert(List.of(member(last + "-1", "A", "2026", 1)))).isZero();
        assertThat(members.count(last, "2026")).isZero();
        assertThat(members.count("A", "2026")).isEqualTo(1);
        assertIdsBesideRolls();
    }

    /** Every roll has its memberIds beside it, and no memberIds are kept without their roll. */
    private void assertIdsBesideRolls() {
        Map<String, String> expected = new java.util.TreeMap<>();
        jdbc.sql("select org_code, period, members from member_roll").query(rs -> {
            expected.put(rs.getString(1) + "/" + rs.getString(2), MemberRoll.idList(MemberRoll.ids(rs.getString(3))));
        });
        Map<String, String> kept = new java.util.TreeMap<>();
        jdbc.sql("select org_code, period, member_ids from member_roll_ids").query(rs -> {
            kept.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
        });
        assertThat(kept).isEqualTo(expected).isNotEmpty();
    }

    private static MemberRecord member(String id, String org, String period, double serviceHours) {
        return new MemberRecord(id, org, period, false, serviceHours, Appraisal.COMPETENT, 0, 1, 0.9, 80, false);
    }
}
