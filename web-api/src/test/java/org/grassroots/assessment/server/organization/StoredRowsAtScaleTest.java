package org.grassroots.assessment.server.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.grassroots.assessment.bundle.StoredRecords;
import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.server.storage.StoredRowLookup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What an import reads of what is stored stays the size of the bundle, not of the stored district: a
 * district imported in parts ran out of a 1 GiB heap at 90,000 organizations when the cross-reference
 * check and the member upsert each read a whole period's member records. Checked on an embedded
 * database migrated by the application's scripts, with every statement recorded.
 */
class StoredRowsAtScaleTest {

    private static final String PERIOD = "2026";

    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private DataSource database;
    private JdbcClient jdbc;
    private MemberRepository members;

    @BeforeEach
    void database() {
        DataSource plain = new DriverManagerDataSource("jdbc:h2:mem:stored-rows-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(plain).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        database = recording(plain);
        jdbc = JdbcClient.create(database);
        members = new MemberRepository(jdbc, new JdbcTemplate(database));
    }

    @Test
    void member_ids_are_read_one_organization_at_a_time_however_many_are_asked() {
        for (int org = 0; org < 120; org++) {
            organization("O" + org);
        }
        List<MemberRecord> stored = new ArrayList<>();
        for (int org = 0; org < 120; org += 2) {
            stored.add(member("M" + org + "a", "O" + org));
            stored.add(member("M" + org + "b", "O" + org));
        }
        members.upsert(stored);
        statements.clear();

        StoredRecords read = new StoredRecordRepository(jdbc).forOneRead();
        for (int org = 0; org < 120; org++) {
            Set<String> expected = org % 2 == 0 ? Set.of("M" + org + "a", "M" + org + "b") : Set.of();
            assertThat(read.memberIds("O" + org, PERIOD)).as("O" + org).isEqualTo(expected);
        }
        assertThat(read.memberIds("O0", "2025")).as("a period without member records").isEmpty();
        assertThat(memberReads()).as("every read of member records names its organization")
                .isNotEmpty().allMatch(sql -> sql.contains("org_code = ?") || sql.contains("fetch first 1 rows only"));
    }

    @Test
    void an_import_reads_the_rolls_of_its_organizations_and_only_ids_of_the_others() {
        for (int org = 0; org < 50; org++) {
            organization("O" + org);
            List<MemberRecord> roll = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                roll.add(member("O" + org + "-" + i, "O" + org));
            }
            members.upsert(roll);
        }
        organization("NEW");
        List<MemberRecord> batch = new ArrayList<>();
        for (int i = 0; i < StoredRowLookup.IN_LIST + 1; i++) {
            // one of them moves from O7, the others are new
            batch.add(i == 0 ? member("O7-3", "NEW") : member("new-" + i, "NEW"));
        }
        statements.clear();

        assertThat(members.upsert(batch)).as("new records").isEqualTo(StoredRowLookup.IN_LIST);

        assertThat(memberReads()).as("the rolls of the organizations written, by code; the period's, one at a time")
                .anyMatch(sql -> sql.contains("org_code in ("))
                .filteredOn(sql -> !sql.contains("org_code in (") && !sql.startsWith("select count(*)"))
                .singleElement().as("the others' memberIds only, not their rolls")
                .satisfies(sql -> assertThat(sql).contains("from member_roll_ids").doesNotContain("members,"));
        assertThat(members.list("NEW", PERIOD)).hasSize(StoredRowLookup.IN_LIST + 1);
        assertThat(members.list("O7", PERIOD)).hasSize(39).noneMatch(m -> m.memberId().equals("O7-3"));
        assertThat(members.list("O8", PERIOD)).hasSize(40);
    }

    @Test
    void a_period_holding_only_the_rolls_written_is_not_read_again() {
        organization("SMALL");
        members.upsert(List.of(member("kept", "SMALL"), member("again", "SMALL")));
        List<MemberRecord> batch = new ArrayList<>();
        for (int i = 0; i < StoredRowLookup.LOOKUP_LIMIT + 1; i++) {
            batch.add(i == 0 ? member("again", "SMALL") : member("m-" + i, "SMALL"));
        }
        statements.clear();

        assertThat(members.upsert(batch)).isEqualTo(StoredRowLookup.LOOKUP_LIMIT);

        assertThat(memberReads()).as("the roll written, and how many rolls the period holds")
                .hasSize(2).anyMatch(sql -> sql.contains("org_code in (")).anyMatch(sql -> sql.startsWith("select count(*)"));
        assertThat(new HashSet<>(members.list("SMALL", PERIOD))).hasSize(StoredRowLookup.LOOKUP_LIMIT + 2);
    }

    private List<String> memberReads() {
        synchronized (statements) {
            return statements.stream().filter(sql -> sql.startsWith("select") && sql.contains("from member_roll")).toList();
        }
    }

    private void organization(String code) {
        jdbc.sql("insert into organization (code, name, type, level, parent_code, has_party_groups, updated_at)"
                        + " values (?, ?, 'VILLAGE', 'BRANCH', null, false, current_timestamp)")
                .params(code, code + "村党支部").update();
    }

    private static MemberRecord member(String id, String org) {
        return new MemberRecord(id, org, PERIOD, false, 12.5, Appraisal.COMPETENT, 0, 1, 0.9, 80, false);
    }

    /** The data source with every statement text it prepares recorded. */
    private DataSource recording(DataSource plain) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(plain, method, args);
                    if (result instanceof Connection c) {
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                                (p, m, a) -> {
                                    if (m.getName().startsWith("prepare") && a != null && a[0] instanceof String sql) {
                                        statements.add(sql);
                                    }
                                    return invoke(c, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
