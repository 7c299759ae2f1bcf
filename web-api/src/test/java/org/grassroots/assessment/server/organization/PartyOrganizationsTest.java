package org.grassroots.assessment.server.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The organization entity against the schema Flyway builds (Hibernate validates the mapping), the
 * reads through Spring Data (by code, all by code, search by name or code with the LIKE wildcards taken
 * literally), the bundle import's batch write (insert, update, unchanged) that raises the version, and
 * the optimistic lock: a change through the entity made after an import changed the same organization
 * fails instead of undoing the import.
 */
@DataJpaTest(properties = {"spring.jpa.hibernate.ddl-auto=validate", "assessment.demo=false",
        "assessment.data-dir=target/test-data/party-organizations"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(OrganizationRepository.class)
class PartyOrganizationsTest {

    static {
        // a fresh database: the folder outlives a run, and a schema from an older build would not validate
        FileSystemUtils.deleteRecursively(new File("target/test-data/party-organizations"));
    }

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 6, 1, 2, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    PartyOrganizationRepository entities;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private static Organization town(String code, String name) {
        return new Organization(code, name, OrgType.VILLAGE, OrgLevel.COMMITTEE, null, null, true);
    }

    private static Organization company(String code, String name, String parent) {
        return new Organization(code, name, OrgType.ENTERPRISE, OrgLevel.BRANCH, parent, EnterpriseCategory.KEY,
                false);
    }

    @Test
    void an_import_is_read_back_by_code_in_code_order_and_counted() {
        List<Organization> bundle = List.of(town("T-ZZ", "镇乙"), town("T-AA", "镇甲"), company("E-1", "国企一", "T-AA"));
        assertThat(organizations.upsert(bundle, NOW)).isEqualTo(3);
        assertThat(organizations.find("E-1")).contains(bundle.get(2));
        assertThat(organizations.find("NONE")).isEmpty();
        assertThat(organizations.exists("T-ZZ")).isTrue();
        assertThat(organizations.exists("T-NONE")).isFalse();
        assertThat(organizations.count()).isEqualTo(3);
        assertThat(organizations.findAll()).extracting(Organization::code).containsExactly("E-1", "T-AA", "T-ZZ");
    }

    @Test
    void search_matches_name_or_code_ignoring_case_and_takes_wildcards_literally() {
        organizations.upsert(List.of(town("S-ab", "红旗村党支部"), town("S-CD", "百分之100_村"), town("S-EF", "东风村")), NOW);
        assertThat(organizations.search("红旗", 10)).extracting(Organization::code).containsExactly("S-ab");
        assertThat(organizations.search("s-AB", 10)).extracting(Organization::code).containsExactly("S-ab");
        assertThat(organizations.search("村", 2)).extracting(Organization::code).containsExactly("S-CD", "S-EF");
        assertThat(organizations.search("_", 10)).extracting(Organization::code).containsExactly("S-CD");
        assertThat(organizations.search("%", 10)).isEmpty();
    }

    @Test
    void search_sees_organizations_added_or_renamed_since_the_last_search() {
        organizations.upsert(List.of(town("R-1", "青山村"), town("R-2", "绿水村")), NOW);
        assertThat(organizations.search("青山", 10)).extracting(Organization::code).containsExactly("R-1");
        String stamp = organizations.namesStamp();
        organizations.upsert(List.of(town("R-1", "金山村"), town("R-2", "绿水村")), NOW.plusDays(1));
        assertThat(organizations.namesStamp()).isNotEqualTo(stamp);
        assertThat(organizations.search("青山", 10)).isEmpty();
        assertThat(organizations.search("金山", 10)).extracting(Organization::code).containsExactly("R-1");
        organizations.upsert(List.of(town("R-3", "青山新村")), NOW.plusDays(2));
        assertThat(organizations.search("青山", 10)).extracting(Organization::code).containsExactly("R-3");
        // renamed through the entity (as the organization pages do): Hibernate raises its version
        entities.findById("R-2").orElseThrow().rename("碧水村", Instant.now());
        entities.flush();
        assertThat(organizations.search("碧水", 10)).extracting(Organization::code).containsExactly("R-2");
        assertThat(organizations.search("r-", 2)).extracting(Organization::code).containsExactly("R-1", "R-2");
    }

    @Test
    void a_re_import_updates_what_changed_and_raises_its_version_only() {
        organizations.upsert(List.of(town("V-1", "原名"), town("V-2", "不变")), NOW);
        assertThat(organizations.upsert(List.of(town("V-1", "新名"), town("V-2", "不变")), NOW.plusDays(1))).isZero();
        assertThat(organizations.find("V-1").orElseThrow().name()).isEqualTo("新名");
        assertThat(version("V-1")).isEqualTo(1);
        assertThat(version("V-2")).isZero();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void a_change_through_the_entity_after_an_import_changed_it_fails() {
        organizations.upsert(List.of(town("L-1", "导入前")), NOW);
        try {
            TransactionTemplate importing = new TransactionTemplate(transactions);
            importing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                PartyOrganization read = entities.findById("L-1").orElseThrow();
                importing.executeWithoutResult(t -> organizations.upsert(List.of(town("L-1", "导入所改")), NOW));
                read.rename("页面所改", Instant.now());
                entities.flush();
            })).isInstanceOf(ObjectOptimisticLockingFailureException.class);
            assertThat(organizations.find("L-1").orElseThrow().name()).isEqualTo("导入所改");
        } finally {
            jdbc.update("delete from organization where code = 'L-1'");
        }
    }

    private long version(String code) {
        return jdbc.queryForObject("select version from organization where code = ?", Long.class, code);
    }
}
