package org.grassroots.assessment.server.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.rectification.StepKind;
import org.grassroots.assessment.server.rectification.LedgerRepository.ItemUpdate;
import org.grassroots.assessment.server.rectification.LedgerRepository.NewStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's entities against the schema that Flyway builds (Hibernate validates the mapping on
 * start), the repository's derived queries, and optimistic locking: of two concurrent changes of one
 * item, whether made through Hibernate or through the evaluation's JDBC batch writes, one wins and
 * the other fails with {@link ObjectOptimisticLockingFailureException}.
 */
@DataJpaTest(properties = {"spring.jpa.hibernate.ddl-auto=validate", "assessment.demo=false"})
@Import(LedgerRepository.class)
class RectificationItemsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final LocalDate ANCHOR = LocalDate.parse("2026-03-31");

    @Autowired
    RectificationItems items;

    @Autowired
    TestEntityManager entities;

    @Autowired
    LedgerRepository ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void organization() {
        jdbc.update("merge into organization (code, name, type, level, has_party_groups, updated_at)"
                + " key (code) values ('V-A', '甲村党支部', 'VILLAGE', 'BRANCH', false, current_timestamp)");
    }

    private RectificationItem newItem(String rule) {
        return newItem("2026", rule);
    }

    /** Tests that commit use a period of their own: what they store stays for the other tests. */
    private RectificationItem newItem(String period, String rule) {
        return RectificationItem.ofPeriod(RectificationSource.GRADING, "V-A", period, rule, "整改：" + rule, ANCHOR, 30,
                NOW);
    }

    @Test
    void an_item_and_its_steps_are_stored_and_read_back_in_order() {
        RectificationItem item = newItem("W-FS");
        item.append(StepKind.SUBMIT, LocalDate.parse("2026-04-02"), NOW, "rep", "已整改", "[\"a.jpg\"]");
        item.append(StepKind.REJECT, LocalDate.parse("2026-04-03"), NOW, "office", "照片不清晰", null);
        long id = entities.persistFlushFind(item).getId();
        entities.clear();

        RectificationItem read = items.findWithStepsById(id).orElseThrow();
        assertThat(read.getItemKey()).isEqualTo("GRADING:V-A:2026:W-FS");
        assertThat(read.getDeadline()).isEqualTo(ANCHOR.plusDays(30));
        assertThat(read.getSteps()).extracting(RectificationStep::getKind)
                .containsExactly(StepKind.SUBMIT, StepKind.REJECT);
        LedgerItem ledgerItem = read.toLedgerItem();
        assertThat(ledgerItem.latestStatus()).isEqualTo(org.grassroots.assessment.model.RectificationStatus.OPEN);
        assertThat(ledgerItem.steps().get(0).evidenceJson()).isEqualTo("[\"a.jpg\"]");
        assertThat(ledgerItem.steps()).allMatch(s -> s.itemId() == id);
        // the JDBC reader sees the same item, version included
        LedgerItem viaJdbc = ledger.periodItems("2026", OrgScope.all()).get(0);
        assertThat(viaJdbc.steps()).isEqualTo(ledgerItem.steps());
        assertThat(viaJdbc.version()).isEqualTo(read.getVersion());
    }

    @Test
    void derived_queries_find_by_key_and_by_source_and_period() {
        entities.persist(newItem("W-FS"));
        entities.persist(newItem("C07"));
        entities.persist(RectificationItem.ofPeriod(RectificationSource.STANDARD, "V-A", "2026", "S-01", "四统一",
                ANCHOR, 60, NOW));
        entities.persist(RectificationItem.ofPeriod(RectificationSource.GRADING, "V-A", "2025", "W-FS", "上年",
                ANCHOR.minusYears(1), 30, NOW));
        entities.flush();

        assertThat(items.findByItemKey("STANDARD:V-A:2026:S-01")).get()
                .extracting(RectificationItem::getSource).isEqualTo(RectificationSource.STANDARD);
        assertThat(items.findByItemKey("GRADING:V-A:2026:NOPE")).isEmpty();
        assertThat(items.findBySourceAndPeriodOrderById(RectificationSource.GRADING, "2026"))
                .extracting(RectificationItem::getItemKey)
                .containsExactly("GRADING:V-A:2026:W-FS", "GRADING:V-A:2026:C07");
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void appending_a_step_raises_the_version() {
        long id = committed(newItem("2030", "W-FS"));
        long before = version(id);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> items.findForChangeById(id).orElseThrow()
                .append(StepKind.SUBMIT, LocalDate.parse("2026-04-02"), NOW, "rep", null, "[\"a.jpg\"]"));
        assertThat(version(id)).isEqualTo(before + 1);
        // the JDBC writers raise it too
        new TransactionTemplate(transactions).executeWithoutResult(tx -> ledger.updateItems(
                List.of(ItemUpdate.unchanged(ledger.periodItems("2030", OrgScope.all()).get(0)))));
        assertThat(version(id)).isEqualTo(before + 2);
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from rectification_item where id = ?", Long.class, id);
    }

    /** Two people: both read the item, the first commits a step; the second's step is refused. */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void of_two_concurrent_lifecycle_changes_the_second_is_refused() {
        long id = committed(newItem("2031", "C-LOCK1"));
        TransactionTemplate other = requiresNew();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            RectificationItem mine = items.findForChangeById(id).orElseThrow();
            other.executeWithoutResult(t -> items.findForChangeById(id).orElseThrow()
                    .append(StepKind.SUBMIT, ANCHOR, NOW, "first", null, "[\"first.jpg\"]"));
            mine.append(StepKind.SUBMIT, ANCHOR, NOW, "second", null, "[\"second.jpg\"]");
            items.flush();
        })).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(stepActors(id)).containsExactly("first");
    }

    /** A representative submits while an evaluation's ledger sync (JDBC) holds the item as it read it. */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void the_ledger_sync_is_refused_when_the_item_changed_after_it_read_it() {
        long id = committed(newItem("2032", "C-LOCK2"));
        TransactionTemplate other = requiresNew();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            LedgerItem read = ledger.periodItems("2032", OrgScope.all()).get(0);
            other.executeWithoutResult(t -> items.findForChangeById(id).orElseThrow()
                    .append(StepKind.SUBMIT, ANCHOR, NOW, "rep", null, "[\"a.jpg\"]"));
            ledger.insertSteps(List.of(new NewStep(id, StepKind.WITHDRAW, ANCHOR, NOW, "evaluation", null, null)));
            ledger.updateItems(List.of(ItemUpdate.unchanged(read)));
        })).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(stepActors(id)).containsExactly("rep");
    }

    /** The other way round: the sync commits first, the representative's submission is refused. */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void a_lifecycle_change_is_refused_when_the_ledger_sync_changed_the_item_first() {
        long id = committed(newItem("2033", "C-LOCK3"));
        TransactionTemplate other = requiresNew();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            RectificationItem mine = items.findForChangeById(id).orElseThrow();
            other.executeWithoutResult(t -> {
                LedgerItem read = ledger.periodItems("2033", OrgScope.all()).get(0);
                ledger.insertSteps(List.of(new NewStep(id, StepKind.WITHDRAW, ANCHOR, NOW, "evaluation", null, null)));
                ledger.updateItems(List.of(ItemUpdate.unchanged(read)));
            });
            mine.append(StepKind.SUBMIT, ANCHOR, NOW, "rep", null, "[\"a.jpg\"]");
            items.flush();
        })).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(stepActors(id)).containsExactly("evaluation");
    }

    private long committed(RectificationItem item) {
        return new TransactionTemplate(transactions).execute(tx -> items.saveAndFlush(item).getId());
    }

    private TransactionTemplate requiresNew() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    private List<String> stepActors(long id) {
        return jdbc.queryForList("select actor from rectification_step where item_id = ? order by id", String.class, id);
    }
}
