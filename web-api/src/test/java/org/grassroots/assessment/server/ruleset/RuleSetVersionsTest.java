package org.grassroots.assessment.server.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.time.Instant;
import java.util.Map;
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
 * The rule-set version entity against the schema Flyway builds (Hibernate validates the mapping), the
 * repository's projections (a row without its files, the files on their own, newest first, stored
 * after an id), activation (the previous active version retired) and its optimistic lock: of two
 * activations at once one wins and the other fails, so two versions are never ACTIVE together.
 */
@DataJpaTest(properties = {"spring.jpa.hibernate.ddl-auto=validate", "assessment.demo=false",
        "assessment.data-dir=target/test-data/rule-set-versions"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(RuleSetVersions.class)
class RuleSetVersionsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    static {
        // a fresh database: the folder outlives a run, and a schema from an older build would not validate
        FileSystemUtils.deleteRecursively(new File("target/test-data/rule-set-versions"));
    }

    @Autowired
    RuleSetVersions versions;

    @Autowired
    RuleSetVersionRepository entities;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private long store(String label, String status) {
        return versions.insert(label, "sha256:" + label, status, Map.of("a.drl", "rule " + label, "b.drl", "x"),
                "说明" + label, "maintainer", NOW);
    }

    @Test
    void a_version_is_stored_and_read_back_without_and_with_its_files() {
        long id = store("t-1", RuleSetVersions.DRAFT);
        RuleSetVersions.Row row = versions.find(id).orElseThrow();
        assertThat(row).isEqualTo(new RuleSetVersions.Row(id, "t-1", "sha256:t-1", "DRAFT", "说明t-1", "maintainer",
                NOW, null, null));
        assertThat(versions.files(id)).containsExactly(Map.entry("a.drl", "rule t-1"), Map.entry("b.drl", "x"));
        assertThat(versions.hasChecksum("sha256:t-1")).isTrue();
        assertThat(versions.hasChecksum("sha256:none")).isFalse();
        assertThat(versions.isEmpty()).isFalse();
        assertThat(versions.find(id + 1000)).isEmpty();
    }

    @Test
    void lists_run_newest_first_and_newer_than_runs_oldest_first() {
        long first = store("t-a", RuleSetVersions.DRAFT);
        long second = store("t-b", RuleSetVersions.DRAFT);
        assertThat(versions.list()).extracting(RuleSetVersions.Row::id).startsWith(second, first);
        assertThat(versions.newerThan(first)).extracting(RuleSetVersions.Row::id).containsExactly(second);
        assertThat(versions.newerThan(second)).isEmpty();
    }

    @Test
    void activating_retires_the_version_in_force() {
        long old = store("t-old", RuleSetVersions.ACTIVE);
        assertThat(versions.find(old).orElseThrow().activatedBy()).isEqualTo("maintainer");
        long draft = store("t-new", RuleSetVersions.DRAFT);
        versions.markActive(draft, "第二位维护员", NOW.plusSeconds(60));
        assertThat(versions.find(old).orElseThrow().status()).isEqualTo(RuleSetVersions.RETIRED);
        RuleSetVersions.Row active = versions.active().orElseThrow();
        assertThat(active.id()).isEqualTo(draft);
        assertThat(active.activatedBy()).isEqualTo("第二位维护员");
        assertThat(active.activatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void one_activation_after_another_leaves_one_version_active() {
        long first = store("t-s1", RuleSetVersions.ACTIVE);
        long second = store("t-s2", RuleSetVersions.DRAFT);
        long third = store("t-s3", RuleSetVersions.DRAFT);
        versions.markActive(second, "甲", NOW);
        versions.markActive(third, "乙", NOW);
        versions.markActive(first, "丙", NOW); // roll back to a retired version
        assertThat(versions.list()).filteredOn(r -> r.status().equals(RuleSetVersions.ACTIVE))
                .extracting(RuleSetVersions.Row::id).containsExactly(first);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void of_two_activations_at_once_the_second_fails_and_one_version_stays_active() {
        long old = store("t-c0", RuleSetVersions.ACTIVE);
        long mine = store("t-c1", RuleSetVersions.DRAFT);
        long theirs = store("t-c2", RuleSetVersions.DRAFT);
        try {
            TransactionTemplate other = new TransactionTemplate(transactions);
            other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                // markActive's steps, with the other activation committing between the read and the write
                entities.findByStatus(RuleSetVersions.ACTIVE).forEach(RuleSetVersion::retire);
                entities.findById(mine).orElseThrow().activate("乙", NOW);
                other.executeWithoutResult(t -> versions.markActive(theirs, "甲", NOW));
                entities.flush();
            })).isInstanceOf(ObjectOptimisticLockingFailureException.class);
            assertThat(jdbc.queryForList("select id from rule_set_version where status = 'ACTIVE'", Long.class))
                    .containsExactly(theirs);
        } finally {
            jdbc.update("delete from rule_set_version where id in (?, ?, ?)", old, mine, theirs);
        }
    }
}
