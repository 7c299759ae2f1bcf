package org.grassroots.assessment.server.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.MemberRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Migration 22.2 moves the member records stored a row each into rolls, every value and every organization's. */
class MemberRollMigrationTest {

    @Test
    void stored_member_records_become_rolls_and_their_table_goes() {
        DataSource database = new DriverManagerDataSource("jdbc:h2:mem:roll-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        flyway(database).target("22.1").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        List<MemberRecord> stored = new ArrayList<>();
        // more rolls than one batch holds, the last batch partial; one organization with one member only
        for (int org = 0; org < MemberRepository.BATCH_SIZE + 51; org++) {
            String code = String.format("O%03d", org);
            jdbc.sql("insert into organization (code, name, type, level, parent_code, has_party_groups, updated_at)"
                    + " values (?, ?, 'VILLAGE', 'BRANCH', null, false, current_timestamp)").params(code, code).update();
            for (String period : List.of("2025", "2026")) {
                for (int m = org == 7 ? 2 : 0; m < 3; m++) {
                    stored.add(new MemberRecord(code + "-" + m, code, period, m == 1, org + m / 10.0,
                            Appraisal.values()[m], m, org % 3, 0.25 * m, 60 + m + org / 100.0, org % 2 == 0));
                }
            }
        }
        List<MemberRecord> lastFirst = new ArrayList<>(stored);
        java.util.Collections.reverse(lastFirst);
        for (MemberRecord m : lastFirst) {
            jdbc.sql("insert into member_record values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(m.memberId(), m.period(),
                    m.orgCode(), m.floating(), m.serviceHours(), m.appraisal().name(), m.innovations(), m.managementResults(),
                    m.studyAttendanceRate(), m.testScore(), m.disciplinaryAction()).update();
        }

        flyway(database).load().migrate();

        MemberRepository members = new MemberRepository(jdbc, new JdbcTemplate(database));
        List<MemberRecord> moved = new ArrayList<>();
        for (String period : List.of("2025", "2026")) {
            members.forEachInPeriod(period, moved::add);
        }
        List<MemberRecord> expected = new ArrayList<>(stored);
        expected.sort((a, b) -> (a.period() + a.orgCode() + a.memberId()).compareTo(b.period() + b.orgCode() + b.memberId()));
        assertThat(moved).isEqualTo(expected);
        assertThat(members.count("O007", "2026")).isEqualTo(1);
        // migration 22.6: every roll's memberIds beside it, more rolls than a page of its read
        List<String> ids = jdbc.sql("select member_ids from member_roll_ids where org_code = 'O007' order by period")
                .query(String.class).list();
        assertThat(ids).containsExactly("O007-2", "O007-2");
        assertThat(jdbc.sql("select count(*) from member_roll_ids r join member_roll m on m.org_code = r.org_code"
                + " and m.period = r.period").query(Integer.class).single()).isEqualTo(2 * (MemberRepository.BATCH_SIZE + 51))
                .isGreaterThan(MemberRepository.PAGE);
        assertThat(jdbc.sql("select count(*) from information_schema.tables where lower(table_name) = 'member_record'")
                .query(Integer.class).single()).isZero();
    }

    private static FluentConfiguration flyway(DataSource database) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .javaMigrations(new MemberRollMigration(), new MemberRollIdsMigration());
    }
}
