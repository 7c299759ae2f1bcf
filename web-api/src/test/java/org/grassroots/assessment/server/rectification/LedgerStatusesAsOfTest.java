package org.grassroots.assessment.server.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.rectification.StepKind;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.grassroots.assessment.server.visit.VisitService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole ledger's list (the office's page and the export's sheet), whose statuses as of a date are
 * derived once per kept ledger and date: every status and the overdue filter as of several dates give
 * the items each item's own steps give, and a write (a step appended, a finding withdrawn) is seen by
 * the next list as of the same date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + LedgerStatusesAsOfTest.DATA_DIR, "assessment.demo=false"})
class LedgerStatusesAsOfTest {

    static final String DATA_DIR = "target/test-data/rectification-statuses-as-of";
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 8, 20),
            LocalDate.of(2026, 12, 31), LocalDate.of(2027, 6, 30));

    @LocalServerPort
    int port;
    @Autowired
    RectificationQuery query;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    VisitService visits;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    private static List<Long> ids(RectificationList list) {
        return list.items().stream().map(RectificationView::id).toList();
    }

    /** What the ledger lists, worked out here item by item from every stored item and its steps. */
    private List<Long> expected(RectificationStatus status, boolean overdue, LocalDate date) {
        List<LedgerItem> all = new ArrayList<>(ledger.find("1 = 1", List.of(), true));
        all.sort(LedgerItem.LEDGER_ORDER);
        return all.stream()
                .filter(i -> i.source() != RectificationSource.INSPECTION
                        || i.visitDate() != null && !i.visitDate().isAfter(date))
                .filter(i -> status == null ? i.statusAsOf(date) != RectificationStatus.WITHDRAWN
                        : i.statusAsOf(date) == status)
                .filter(i -> !overdue || i.overdueAsOf(date))
                .map(LedgerItem::id).toList();
    }

    private void listsAsStored() {
        for (LocalDate date : DATES) {
            for (boolean overdue : List.of(false, true)) {
                assertThat(ids(query.list(RectificationFilter.ledger(null, "", overdue, date, null))))
                        .as(date + " overdue " + overdue).isEqualTo(expected(null, overdue, date));
                for (RectificationStatus status : RectificationStatus.values()) {
                    assertThat(ids(query.list(RectificationFilter.ledger(null, status.name(), overdue, date, null))))
                            .as(date + " " + status + " overdue " + overdue)
                            .isEqualTo(expected(status, overdue, date));
                }
            }
        }
    }

    @Test
    void every_status_and_overdue_as_of_every_date_and_after_writes() {
        ApiClient api = new ApiClient(port);
        api.importWorkedExample();
        api.evaluate("2026", "2026-07-15");
        api.evaluate("2026", "2026-12-31");
        listsAsStored();
        LocalDate end = LocalDate.of(2026, 12, 31);
        assertThat(expected(null, true, end)).as("overdue items in the example").isNotEmpty();

        // a step appended: the same date's list sees it
        long open = expected(RectificationStatus.OPEN, true, end).get(0);
        ledger.insertSteps(List.of(new LedgerRepository.NewStep(open, StepKind.SUBMIT, LocalDate.of(2026, 11, 1),
                Instant.now(), "test", "整改材料已提交", "[]")));
        assertThat(ids(query.list(RectificationFilter.ledger(null, "SUBMITTED", false, end, null)))).contains(open);
        assertThat(ids(query.list(RectificationFilter.ledger(null, "", true, end, null)))).doesNotContain(open);
        listsAsStored();

        // a finding withdrawn: its item is listed as withdrawn from then on
        List<LedgerItem> inspection = ledger.find("i.source = 'INSPECTION'", List.of()).stream()
                .filter(i -> !i.findingWithdrawn() && i.visitDate() != null && !i.visitDate().isAfter(end)).toList();
        assertThat(inspection).as("inspection items in the example").isNotEmpty();
        LedgerItem finding = inspection.get(0);
        // withdrawn as the office withdraws it (the finding marked, a WITHDRAW step on its item): the
        // ledger kept from the lists above must be read again, its stamp changed by the withdrawal
        LedgerRepository.LedgerStamp before = ledger.stamp();
        assertThat(ids(query.list(RectificationFilter.ledger(null, "WITHDRAWN", false, end, null))))
                .doesNotContain(finding.id());
        visits.withdraw(finding.visitId(), finding.position(), "误录", "test");
        assertThat(ledger.stamp()).as("the ledger's stamp after a withdrawal").isNotEqualTo(before);
        assertThat(ids(query.list(RectificationFilter.ledger(null, "WITHDRAWN", false, end, null))))
                .contains(finding.id());
        assertThat(ids(query.list(RectificationFilter.ledger(null, "", false, end, null))))
                .doesNotContain(finding.id());
        listsAsStored();
    }
}
