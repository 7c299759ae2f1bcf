package org.grassroots.assessment.server.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.evaluation.RectificationDue;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.rectification.StepKind;
import org.junit.jupiter.api.Test;

/**
 * Items are keyed by (organization, period, rule id) (policy section 5): an evaluation of 2026 that
 * no longer finds an organization weak withdraws its open 2026 W-01 item, but leaves the 2025 one
 * alone, and the ledger says why that one stands ({@link LedgerNotes}).
 */
class LedgerPeriodKeyTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-12-05");

    /** The ledger's tables in memory: the items of each period, and what a sync writes. */
    static final class InMemoryLedger extends LedgerRepository {
        final List<LedgerItem> items = new ArrayList<>();
        final List<NewStep> steps = new ArrayList<>();
        final List<NewItem> created = new ArrayList<>();

        InMemoryLedger() {
            super(null, null);
        }

        @Override
        public List<LedgerItem> periodItems(String period, OrgScope scope) {
            return items.stream().filter(i -> period.equals(i.period())).toList();
        }

        @Override
        public void insertItems(List<NewItem> newItems, Instant now) {
            created.addAll(newItems);
        }

        @Override
        public void updateItems(List<ItemUpdate> updates) {
        }

        @Override
        public void insertSteps(List<NewStep> newSteps) {
            steps.addAll(newSteps);
        }
    }

    private static LedgerItem w01(long id, String period, LocalDate anchor) {
        return new LedgerItem(id, LedgerItem.periodKey(RectificationSource.GRADING, "Z01-V03", period, "W-01"),
                "Z01-V03", RectificationSource.GRADING, "W-01", period, null, null, "书记长期空缺", anchor, 90,
                anchor.plusDays(90), null, false, List.of(), 0);
    }

    @Test
    void a_later_period_withdraws_its_own_open_item_and_leaves_the_earlier_periods_one() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.items.add(w01(1, "2025", LocalDate.parse("2025-12-31")));
        ledger.items.add(w01(2, "2026", LocalDate.parse("2026-07-15")));
        RectificationDue s04 = new RectificationDue("Z01-V03", RectificationSource.STANDARD, "S-04", null, -1,
                "建立党建\"公积金\"", AS_OF.plusDays(60), 60);

        LedgerSync.Changes changes = new LedgerSync(ledger).syncPeriodItems("2026", AS_OF, List.of(s04),
                Instant.parse("2026-12-05T08:00:00Z"), "evaluator", "考评 2");

        assertThat(changes.withdrawn()).isEqualTo(1);
        assertThat(ledger.steps).singleElement().satisfies(step -> {
            assertThat(step.itemId()).isEqualTo(2);
            assertThat(step.kind()).isEqualTo(StepKind.WITHDRAW);
            assertThat(step.date()).isEqualTo(AS_OF);
        });
        assertThat(ledger.created).singleElement().satisfies(item -> {
            assertThat(item.rule()).isEqualTo("S-04");
            assertThat(item.period()).isEqualTo("2026");
        });

        RectificationView earlier = RectificationView.of(ledger.items.get(0), AS_OF);
        assertThat(earlier.status()).isEqualTo(RectificationStatus.OPEN);
        assertThat(earlier.overdue()).isTrue();
        assertThat(LedgerNotes.periodLabel(earlier.period())).isEqualTo("2025年度");
        assertThat(LedgerNotes.why(earlier, AS_OF)).startsWith("上期遗留：2025年度考评认定").contains("以后各期考评不撤销");
        // the current period's items, and an earlier one as of a date within its period, say nothing
        assertThat(LedgerNotes.why(RectificationView.of(w01(3, "2026", AS_OF), AS_OF), AS_OF)).isNull();
        assertThat(LedgerNotes.why(earlier, LocalDate.parse("2025-12-31"))).isNull();
        assertThat(LedgerNotes.periodLabel("2026-Q3")).isEqualTo("2026年第3季度");
        assertThat(LedgerNotes.periodLabel(null)).isEqualTo("—");
    }
}
