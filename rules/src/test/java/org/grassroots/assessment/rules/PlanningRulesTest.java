package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.grassroots.assessment.rules.PolicyHarness.finding;
import static org.grassroots.assessment.rules.PolicyHarness.submit;
import static org.grassroots.assessment.rules.PolicyHarness.verify;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.evaluation.DoubtfulVisit;
import org.grassroots.assessment.evaluation.DueVisit;
import org.grassroots.assessment.evaluation.PublishedGrade;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.VisitMode;
import org.junit.jupiter.api.Test;

/**
 * Policy section 9: the visits the policy requires (PL-01 … PL-03) and the visits in doubt (PL-04), each on both sides of its
 * threshold. One village V1; the records begin on 2025-01-01.
 */
class PlanningRulesTest {

    private static final String RECORDS = "2025-01-01";

    private static PolicyHarness village() {
        return new PolicyHarness().org("V1", OrgType.VILLAGE, "2026");
    }

    private static PublishedGrade published(Tier tier, String on) {
        return new PublishedGrade("V1", tier, LocalDate.parse(on));
    }

    private static List<DueVisit> due(List<DueVisit> all, String rule) {
        return all.stream().filter(d -> d.rule().equals(rule)).toList();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    // ── PL-01 ─────────────────────────────────────────────────────────────────────────────────

    @Test
    void pl01_a_weak_organization_is_due_a_covert_visit_60_days_after_the_publication() {
        PublishedGrade weak = published(Tier.WEAK, "2026-02-01");
        assertThat(due(village().plan("2026-04-01", RECORDS, weak), "PL-01")).as("day 59").isEmpty();
        List<DueVisit> due = due(village().plan("2026-04-02", RECORDS, weak), "PL-01");
        assertThat(due).hasSize(1);
        assertThat(due.get(0).dueOn()).isEqualTo(date("2026-04-02"));
        assertThat(due.get(0).covert()).isTrue();
        assertThat(due.get(0).reason()).isEqualTo("最近发布的定级为软弱涣散（2026-02-01 发布），发布后未暗访，满 60 天应暗访一次"
                + "（2026-04-02 到期）");
    }

    @Test
    void pl01_counts_from_the_last_covert_visit_since_the_publication_and_an_open_visit_does_not_count() {
        PublishedGrade weak = published(Tier.WEAK, "2026-02-01");
        PolicyHarness visited = village().visit("K1", "V1", "2026-03-01", VisitMode.COVERT)
                .visit("O1", "V1", "2026-04-15", VisitMode.OPEN)
                .visit("K0", "V1", "2026-01-15", VisitMode.COVERT);
        assertThat(due(visited.plan("2026-04-29", RECORDS, weak), "PL-01")).isEmpty();
        List<DueVisit> due = due(visited.plan("2026-04-30", RECORDS, weak), "PL-01");
        assertThat(due).extracting(DueVisit::dueOn).containsExactly(date("2026-04-30"));
        assertThat(due.get(0).reason()).contains("上次暗访在 2026-03-01");
    }

    @Test
    void pl01_ends_when_the_organization_is_graded_out_of_weak() {
        assertThat(due(village().plan("2026-12-31", RECORDS, published(Tier.AVERAGE, "2026-02-01")), "PL-01"))
                .as("converted: 一般").isEmpty();
        assertThat(due(village().plan("2026-12-31", RECORDS), "PL-01")).as("never graded").isEmpty();
    }

    // ── PL-02 ─────────────────────────────────────────────────────────────────────────────────

    @Test
    void pl02_every_organization_is_due_a_visit_365_days_after_its_last() {
        PolicyHarness visited = village().visit("O1", "V1", "2025-06-01", VisitMode.OPEN);
        assertThat(due(visited.plan("2026-05-31", RECORDS), "PL-02")).isEmpty();
        List<DueVisit> due = due(visited.plan("2026-06-01", RECORDS), "PL-02");
        assertThat(due).extracting(DueVisit::dueOn).containsExactly(date("2026-06-01"));
        assertThat(due.get(0).covert()).isFalse();
        assertThat(due.get(0).reason()).isEqualTo("上次检查在 2025-06-01，每 365 天应至少检查一次（2026-06-01 到期）");
    }

    @Test
    void pl02_an_average_organization_is_due_after_183_days_and_one_never_visited_from_the_records_start() {
        PolicyHarness visited = village().visit("K1", "V1", "2025-06-01", VisitMode.COVERT);
        PublishedGrade average = published(Tier.AVERAGE, "2025-03-01");
        assertThat(due(visited.plan("2025-11-30", RECORDS, average), "PL-02")).isEmpty();
        assertThat(due(visited.plan("2025-12-01", RECORDS, average), "PL-02")).extracting(DueVisit::dueOn)
                .containsExactly(date("2025-12-01"));
        assertThat(due(visited.plan("2025-12-01", RECORDS, published(Tier.GOOD, "2025-03-01")), "PL-02")).isEmpty();

        assertThat(due(village().plan("2025-12-31", RECORDS), "PL-02")).isEmpty();
        List<DueVisit> never = due(village().plan("2026-01-01", RECORDS), "PL-02");
        assertThat(never).extracting(DueVisit::dueOn).containsExactly(date("2026-01-01"));
        assertThat(never.get(0).reason()).startsWith("自 2025-01-01 起没有检查记录");
    }

    // ── PL-03 ─────────────────────────────────────────────────────────────────────────────────

    /** A covert visit K1 on 2026-03-01 with a finding of C07 (较重 by default), verified on 2026-04-10. */
    private static PolicyHarness majorFindingVerified() {
        return village().visit("K1", "V1", "2026-03-01", VisitMode.COVERT, finding("C07"))
                .history("K1", 0, submit("2026-03-20"), verify("2026-04-10"));
    }

    @Test
    void pl03_a_covert_recheck_is_due_within_30_days_of_the_last_verification() {
        assertThat(due(majorFindingVerified().plan("2026-04-09", RECORDS), "PL-03")).as("not verified yet").isEmpty();
        List<DueVisit> due = due(majorFindingVerified().plan("2026-04-10", RECORDS), "PL-03");
        assertThat(due).extracting(DueVisit::dueOn).containsExactly(date("2026-05-10"));
        assertThat(due.get(0).covert()).isTrue();
        assertThat(due.get(0).reason()).isEqualTo("暗访 K1（2026-03-01）发现较重及以上问题，整改已于 2026-04-10 全部核验销号，"
                + "应在 30 天内暗访复查（2026-05-10 到期）");
    }

    @Test
    void pl03_a_covert_visit_after_the_verification_is_the_recheck() {
        PolicyHarness rechecked = majorFindingVerified().visit("K2", "V1", "2026-05-01", VisitMode.COVERT);
        assertThat(due(rechecked.plan("2026-05-20", RECORDS), "PL-03")).isEmpty();
        PolicyHarness openOnly = majorFindingVerified().visit("O2", "V1", "2026-05-01", VisitMode.OPEN);
        assertThat(due(openOnly.plan("2026-05-20", RECORDS), "PL-03")).as("an open visit is no re-check").hasSize(1);
    }

    @Test
    void pl03_needs_a_major_finding_of_a_covert_visit_and_every_item_verified() {
        PolicyHarness minor = village().visit("K1", "V1", "2026-03-01", VisitMode.COVERT, finding("C01"))
                .history("K1", 0, submit("2026-03-20"), verify("2026-04-10"));
        assertThat(due(minor.plan("2026-04-20", RECORDS), "PL-03")).as("一般 only").isEmpty();
        PolicyHarness raised = village().visit("K1", "V1", "2026-03-01", VisitMode.COVERT,
                        PolicyHarness.finding("C01", Severity.MAJOR))
                .history("K1", 0, submit("2026-03-20"), verify("2026-04-10"));
        assertThat(due(raised.plan("2026-04-20", RECORDS), "PL-03")).as("raised to 较重").hasSize(1);
        PolicyHarness open = village().visit("O1", "V1", "2026-03-01", VisitMode.OPEN, finding("C07"))
                .history("O1", 0, submit("2026-03-20"), verify("2026-04-10"));
        assertThat(due(open.plan("2026-04-20", RECORDS), "PL-03")).as("an open visit").isEmpty();
        PolicyHarness oneOpen = village().visit("K1", "V1", "2026-03-01", VisitMode.COVERT, finding("C07"), finding("C01"))
                .history("K1", 0, submit("2026-03-20"), verify("2026-04-10"));
        assertThat(due(oneOpen.plan("2026-04-20", RECORDS), "PL-03")).as("an item still open").isEmpty();
    }

    // ── PL-04 ─────────────────────────────────────────────────────────────────────────────────

    private static final GeoLocation HOME = new GeoLocation(34.3, 108.9);

    /** V1 sits at HOME; one open visit on 2026-03-10, recorded the given degrees of latitude north of it. */
    private static PolicyHarness visitedNorthBy(double degrees) {
        PolicyHarness h = village();
        h.organization(new Organization("V1", "V1党支部", OrgType.VILLAGE, OrgLevel.BRANCH, null, null, false, HOME));
        return h.visitAt("O1", "V1", "2026-03-10", new GeoLocation(HOME.lat() + degrees, HOME.lon()));
    }

    @Test
    void pl04_a_visit_recorded_more_than_500_m_from_the_organization_is_in_doubt() {
        // 0.004497° of latitude is 500.04 m, rounded 500: not more than 500; 0.004505° is 500.93 m, 501.
        assertThat(visitedNorthBy(0.004497).doubts("2026-04-01", RECORDS)).as("500 m").isEmpty();
        List<DoubtfulVisit> doubts = visitedNorthBy(0.004505).doubts("2026-04-01", RECORDS);
        assertThat(doubts).extracting(DoubtfulVisit::visitId, DoubtfulVisit::rule).containsExactly(tuple("O1", "PL-04"));
        assertThat(doubts.get(0).reason())
                .isEqualTo("位置或时间存疑：检查 O1（2026-03-10）记录的位置距组织所在地 501 米，超过 500 米");
    }

    @Test
    void pl04_without_a_location_on_either_side_there_is_no_doubt() {
        PolicyHarness noVisitLocation = village();
        noVisitLocation.organization(new Organization("V1", "V1党支部", OrgType.VILLAGE, OrgLevel.BRANCH, null, null,
                false, HOME));
        noVisitLocation.visitAt("O1", "V1", "2026-03-10", null);
        assertThat(noVisitLocation.doubts("2026-04-01", RECORDS)).as("visit without a location").isEmpty();
        PolicyHarness noHome = village().visitAt("O1", "V1", "2026-03-10", new GeoLocation(40, 116));
        assertThat(noHome.doubts("2026-04-01", RECORDS)).as("organization without a location").isEmpty();
        assertThat(noHome.plan("2026-04-01", RECORDS)).as("the visit still counts: no PL-02").isEmpty();
    }

    @Test
    void pl04_a_photo_taken_more_than_one_day_from_the_visit_date_is_in_doubt() {
        PolicyHarness withinADay = visitedNorthBy(0).photo("O1", "V1", "C01.jpg", "2026-03-09")
                .photo("O1", "V1", "C02.jpg", "2026-03-11").photo("O1", "V1", "C03.jpg", "2026-03-10");
        assertThat(withinADay.doubts("2026-04-01", RECORDS)).as("one day before, after, same day").isEmpty();
        List<DoubtfulVisit> before = visitedNorthBy(0).photo("O1", "V1", "C01.jpg", "2026-03-08")
                .doubts("2026-04-01", RECORDS);
        assertThat(before).extracting(DoubtfulVisit::reason).containsExactly(
                "位置或时间存疑：检查 O1 的日期为 2026-03-10，照片 C01.jpg 的拍摄日期为 2026-03-08，相差超过 1 天");
        assertThat(visitedNorthBy(0).photo("O1", "V1", "C01.jpg", "2026-03-12").doubts("2026-04-01", RECORDS))
                .as("two days after").hasSize(1);
    }

    @Test
    void pl04_names_both_the_distance_and_the_photo_when_both_are_in_doubt() {
        List<DoubtfulVisit> doubts = visitedNorthBy(0.01).photo("O1", "V1", "C01.jpg", "2025-12-01")
                .doubts("2026-04-01", RECORDS);
        assertThat(doubts).hasSize(2);
        assertThat(doubts).extracting(DoubtfulVisit::reason).anyMatch(r -> r.contains("1112 米"))
                .anyMatch(r -> r.contains("2025-12-01"));
    }
}
