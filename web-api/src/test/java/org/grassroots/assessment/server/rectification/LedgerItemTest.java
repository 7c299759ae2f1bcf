package org.grassroots.assessment.server.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.rectification.StepKind;
import org.junit.jupiter.api.Test;

/** Status, overdue and existence of a ledger item as of a date (policy sections 0 and 5). */
class LedgerItemTest {

    private static final LocalDate JULY = LocalDate.parse("2026-07-15");
    private static final LocalDate DECEMBER = LocalDate.parse("2026-12-31");

    @Test
    void status_is_set_by_the_last_step_on_or_before_the_date_same_date_steps_in_recorded_order() {
        LedgerItem item = grading("W-01", JULY, JULY.plusDays(90),
                step(1, StepKind.WITHDRAW, DECEMBER), step(2, StepKind.REOPEN, DECEMBER));
        assertThat(item.statusAsOf(JULY)).isEqualTo(RectificationStatus.OPEN);
        assertThat(item.statusAsOf(DECEMBER)).isEqualTo(RectificationStatus.OPEN);
        assertThat(grading("W-01", JULY, JULY.plusDays(90), step(1, StepKind.WITHDRAW, DECEMBER))
                .statusAsOf(DECEMBER)).isEqualTo(RectificationStatus.WITHDRAWN);
        assertThat(item.lastStepDate()).isEqualTo(DECEMBER);
    }

    @Test
    void overdue_only_when_open_and_past_its_deadline() {
        LedgerItem open = grading("W-01", JULY, JULY.plusDays(90));
        assertThat(open.overdueAsOf(DECEMBER)).isTrue();
        assertThat(open.overdueAsOf(JULY.plusDays(90))).isFalse();
        LedgerItem submitted = grading("W-01", JULY, JULY.plusDays(90), step(1, StepKind.SUBMIT, JULY.plusDays(100)));
        assertThat(submitted.overdueAsOf(DECEMBER)).isFalse();
        assertThat(submitted.overdueAsOf(JULY.plusDays(95))).isTrue();
    }

    @Test
    void exists_from_its_anchor_or_visit_date_and_a_withdrawn_finding_withdraws_its_item() {
        assertThat(grading("S-06", DECEMBER, DECEMBER.plusDays(60)).existsOn(JULY)).isFalse();
        LedgerItem finding = new LedgerItem(7, "INSPECTION:AF-1:2", "V-A", RectificationSource.INSPECTION, "C03", null,
                "AF-1", 2, "三会一课", LocalDate.parse("2026-05-12"), 7, LocalDate.parse("2026-05-19"), null, false,
                List.of(), 0).withFinding(LocalDate.parse("2026-05-12"), false);
        assertThat(finding.existsOn(LocalDate.parse("2026-05-11"))).isFalse();
        assertThat(finding.existsOn(LocalDate.parse("2026-05-12"))).isTrue();
        assertThat(finding.withFinding(finding.visitDate(), true).statusAsOf(DECEMBER))
                .isEqualTo(RectificationStatus.WITHDRAWN);
    }

    @Test
    void an_evaluation_lists_existing_open_and_submitted_items_in_ledger_order() {
        Map<String, List<ItemSnapshot>> listed = ItemSnapshot.listedAsOf(List.of(
                grading("W-11", JULY, JULY.plusDays(90)),
                grading("W-FS", JULY, JULY.plusDays(30)),
                grading("W-02", JULY, JULY.plusDays(90)),
                grading("W-03", JULY, JULY.plusDays(90), step(1, StepKind.SUBMIT, JULY), step(2, StepKind.VERIFY, JULY)),
                grading("S-06", DECEMBER, DECEMBER.plusDays(60))), JULY);
        assertThat(listed.get("V-A")).extracting(ItemSnapshot::rule).containsExactly("W-FS", "W-02", "W-11");
    }

    private static LedgerItem grading(String rule, LocalDate anchor, LocalDate deadline, LedgerStep... steps) {
        return new LedgerItem(rule.hashCode(), LedgerItem.periodKey(RectificationSource.GRADING, "V-A", "2026", rule),
                "V-A", RectificationSource.GRADING, rule, "2026", null, null, rule, anchor,
                (int) (deadline.toEpochDay() - anchor.toEpochDay()), deadline, null, false, List.of(steps), 0);
    }

    private static LedgerStep step(long id, StepKind kind, LocalDate date) {
        return new LedgerStep(id, 0, kind, date, Instant.EPOCH, "test", null, null);
    }
}
