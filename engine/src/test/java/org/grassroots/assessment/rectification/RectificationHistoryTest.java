package org.grassroots.assessment.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.RectificationStatus;
import org.junit.jupiter.api.Test;

class RectificationHistoryTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void an_item_without_steps_is_open() {
        assertThat(RectificationHistory.NONE.statusAsOf(d("2026-12-31"))).isEqualTo(RectificationStatus.OPEN);
        assertThat(RectificationHistory.NONE.lastSubmitAsOf(d("2026-12-31"))).isNull();
    }

    @Test
    void the_status_is_set_by_the_last_step_on_or_before_the_date() {
        RectificationHistory h = RectificationHistory.imported(
                new ImportedRectification(RectificationStatus.VERIFIED, d("2026-04-20"), d("2026-04-25")));
        assertThat(h.statusAsOf(d("2026-04-19"))).isEqualTo(RectificationStatus.OPEN);
        assertThat(h.statusAsOf(d("2026-04-20"))).isEqualTo(RectificationStatus.SUBMITTED);
        assertThat(h.statusAsOf(d("2026-04-24"))).isEqualTo(RectificationStatus.SUBMITTED);
        assertThat(h.statusAsOf(d("2026-04-25"))).isEqualTo(RectificationStatus.VERIFIED);
        assertThat(h.lastSubmitAsOf(d("2026-04-19"))).isNull();
        assertThat(h.lastSubmitAsOf(d("2026-12-31"))).isEqualTo(d("2026-04-20"));
    }

    @Test
    void a_rejection_opens_the_item_again_and_a_new_submission_counts_from_its_own_date() {
        RectificationHistory h = new RectificationHistory(List.of(
                new RectificationStep(StepKind.SUBMIT, d("2026-05-01")),
                new RectificationStep(StepKind.REJECT, d("2026-05-03")),
                new RectificationStep(StepKind.SUBMIT, d("2026-05-20"))));
        assertThat(h.statusAsOf(d("2026-05-10"))).isEqualTo(RectificationStatus.OPEN);
        assertThat(h.lastSubmitAsOf(d("2026-05-10"))).isEqualTo(d("2026-05-01"));
        assertThat(h.statusAsOf(d("2026-05-20"))).isEqualTo(RectificationStatus.SUBMITTED);
        assertThat(h.lastSubmitAsOf(d("2026-05-20"))).isEqualTo(d("2026-05-20"));
    }

    @Test
    void steps_of_the_same_date_count_in_the_order_recorded() {
        RectificationHistory h = new RectificationHistory(List.of(
                new RectificationStep(StepKind.WITHDRAW, d("2026-07-01")),
                new RectificationStep(StepKind.REOPEN, d("2026-07-01"))));
        assertThat(h.statusAsOf(d("2026-07-01"))).isEqualTo(RectificationStatus.OPEN);
        RectificationHistory reversed = new RectificationHistory(List.of(
                new RectificationStep(StepKind.REOPEN, d("2026-07-01")),
                new RectificationStep(StepKind.WITHDRAW, d("2026-07-01"))));
        assertThat(reversed.statusAsOf(d("2026-07-01"))).isEqualTo(RectificationStatus.WITHDRAWN);
    }

    @Test
    void steps_recorded_out_of_date_order_count_by_their_dates() {
        // a verification entered before the submission it follows (a late correction of the ledger)
        RectificationHistory h = new RectificationHistory(List.of(
                new RectificationStep(StepKind.VERIFY, d("2026-06-10")),
                new RectificationStep(StepKind.SUBMIT, d("2026-06-01"))));
        assertThat(h.statusAsOf(d("2026-06-05"))).isEqualTo(RectificationStatus.SUBMITTED);
        assertThat(h.statusAsOf(d("2026-06-10"))).isEqualTo(RectificationStatus.VERIFIED);
        assertThat(h.lastSubmitAsOf(d("2026-06-30"))).isEqualTo(d("2026-06-01"));
        assertThat(h.lastVerifyAsOf(d("2026-06-09"))).isNull();
        assertThat(h.lastVerifyAsOf(d("2026-06-30"))).isEqualTo(d("2026-06-10"));

        // two submissions, the later one recorded first: the last is the later date
        RectificationHistory twice = new RectificationHistory(List.of(
                new RectificationStep(StepKind.SUBMIT, d("2026-08-20")),
                new RectificationStep(StepKind.REJECT, d("2026-08-05")),
                new RectificationStep(StepKind.SUBMIT, d("2026-08-01"))));
        assertThat(twice.lastSubmitAsOf(d("2026-08-31"))).isEqualTo(d("2026-08-20"));
        assertThat(twice.lastSubmitAsOf(d("2026-08-10"))).isEqualTo(d("2026-08-01"));
        assertThat(twice.statusAsOf(d("2026-08-10"))).isEqualTo(RectificationStatus.OPEN);
        assertThat(twice.statusAsOf(d("2026-08-20"))).isEqualTo(RectificationStatus.SUBMITTED);
    }

    @Test
    void the_last_verification_as_of_a_date() {
        RectificationHistory h = new RectificationHistory(List.of(
                new RectificationStep(StepKind.SUBMIT, d("2026-03-01")),
                new RectificationStep(StepKind.VERIFY, d("2026-03-05")),
                new RectificationStep(StepKind.REOPEN, d("2026-04-01")),
                new RectificationStep(StepKind.SUBMIT, d("2026-04-10")),
                new RectificationStep(StepKind.VERIFY, d("2026-04-15"))));
        assertThat(h.lastVerifyAsOf(d("2026-03-04"))).isNull();
        assertThat(h.lastVerifyAsOf(d("2026-03-05"))).isEqualTo(d("2026-03-05"));
        assertThat(h.lastVerifyAsOf(d("2026-04-14"))).isEqualTo(d("2026-03-05"));
        assertThat(h.lastVerifyAsOf(d("2026-04-15"))).isEqualTo(d("2026-04-15"));
        assertThat(h.statusAsOf(d("2026-04-02"))).isEqualTo(RectificationStatus.OPEN);
    }

    @Test
    void an_item_without_imported_state_has_no_steps() {
        assertThat(RectificationHistory.imported(null)).isEqualTo(RectificationHistory.NONE);
        assertThat(RectificationHistory.imported(null).steps()).isEmpty();
        RectificationHistory submittedOnly = RectificationHistory.imported(
                new ImportedRectification(RectificationStatus.SUBMITTED, d("2026-02-02"), null));
        assertThat(submittedOnly.steps()).containsExactly(new RectificationStep(StepKind.SUBMIT, d("2026-02-02")));
    }
}
