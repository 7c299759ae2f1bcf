package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.RectificationLever;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.evaluation.UpgradeLever;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.upgrade.UpgradePath;
import org.grassroots.assessment.upgrade.UpgradePathFinder;
import org.junit.jupiter.api.Test;

/**
 * Policy section 11: what is within an organization's reach before the period ends (UP-01 … UP-08),
 * and the search over it on small cases. As of 2026-06-30 (about 6 months and 26 weeks left of 2026).
 */
class UpgradeRulesTest {

    private static final String MID_YEAR = "2026-06-30";

    private static List<UpgradeLever> levers(PolicyHarness h, String rule) {
        return h.levers("2026", MID_YEAR).stream().filter(l -> l.rule().equals(rule)).toList();
    }

    private static UpgradeLever lever(PolicyHarness h, String rule, String fact) {
        return levers(h, rule).stream().filter(l -> l.fact().equals(fact)).findFirst().orElseThrow();
    }

    @Test
    void up01_meetings_two_per_month_left_three_committee_two_per_week_and_the_annual_items() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.committeeMeetings = 3;
            f.organizationalLifeMeetingHeld = false;
            return f;
        });
        UpgradeLever committee = lever(h, "UP-01", "committeeMeetings");
        assertThat(committee.current()).isEqualTo(3);
        assertThat(committee.reach()).as("2 × 6.02 months left, rounded down").isEqualTo(15);
        assertThat(lever(h, "UP-01", "villageCommitteeMeetings").reach() - 52).as("2 × 26.x weeks left").isEqualTo(52);
        assertThat(levers(h, "UP-01")).extracting(UpgradeLever::fact).contains("organizationalLifeMeetingHeld",
                "studyDays").doesNotContain("democraticReviewHeld", "partyGroupMeetings");
        assertThat(new PolicyHarness().org("V1", OrgType.VILLAGE, "2026").levers("2026", "2026-12-31"))
                .as("the period is over").isEmpty();
    }

    @Test
    void up02_volunteer_activities_two_per_month_left() {
        UpgradeLever l = lever(new PolicyHarness().org("V1", OrgType.VILLAGE, "2026"), "UP-02", "volunteerActivities");
        assertThat(tuple(l.current(), l.reach())).isEqualTo(tuple(12.0, 24.0));
    }

    @Test
    void up03_study_attendance_up_to_every_member_attending_every_session_left() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.studyAttendanceRate = 0.5;
            return f;
        });
        UpgradeLever l = lever(h, "UP-03", "studyAttendanceRate");
        // m = 12 × 181/365 = 5.95; left = 6.05: (0.5 × 5.95 + 6.05) / 12 = 0.75
        assertThat(tuple(l.current(), l.reach(), l.step())).isEqualTo(tuple(0.5, 0.75, 0.01));
        assertThat(levers(new PolicyHarness().org("V1", OrgType.VILLAGE, "2026"), "UP-03")).as("rate 1").isEmpty();
    }

    @Test
    void up04_committee_seats_up_to_the_seats_required() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.committeeSeatsFilled = 2;
            return f;
        });
        UpgradeLever l = lever(h, "UP-04", "committeeSeatsFilled");
        assertThat(tuple(l.current(), l.reach())).isEqualTo(tuple(2.0, 5.0));
        assertThat(levers(new PolicyHarness().org("V1", OrgType.VILLAGE, "2026"), "UP-04")).isEmpty();
    }

    @Test
    void up05_floating_members_into_contact_and_the_ledger() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.floatingMembers = 4;
            f.floatingMembersInContact = 1;
            f.floatingLedgerUpToDate = false;
            return f;
        });
        assertThat(levers(h, "UP-05")).extracting(UpgradeLever::fact, UpgradeLever::current, UpgradeLever::reach)
                .containsExactly(tuple("floatingLedgerUpToDate", 0.0, 1.0), tuple("floatingMembersInContact", 1.0, 4.0));
    }

    @Test
    void up06_disputes_down_by_two_per_month_left() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.disputesUnresolved = 20;
            return f;
        });
        UpgradeLever l = lever(h, "UP-06", "disputesUnresolved");
        assertThat(tuple(l.current(), l.reach())).isEqualTo(tuple(20.0, 8.0));
    }

    @Test
    void up07_the_missing_venue_elements_by_type() {
        PolicyHarness village = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.centerSignage = false;
            return f;
        });
        assertThat(levers(village, "UP-07")).extracting(UpgradeLever::fact).containsExactly("centerSignage");
        PolicyHarness enterprise = new PolicyHarness().org("E1", OrgType.ENTERPRISE, "2026", f -> {
            f.guideAssigned = false;
            f.integrationSharedVenue = false;
            return f;
        });
        assertThat(levers(enterprise, "UP-07")).extracting(UpgradeLever::fact)
                .containsExactlyInAnyOrder("guideAssigned", "integrationSharedVenue");
        PolicyHarness noCenter = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.hasServiceCenter = false;
            f.centerSignage = false;
            return f;
        });
        assertThat(levers(noCenter, "UP-07")).as("no center to complete").isEmpty();
    }

    @Test
    void up08_an_overdue_item_can_still_be_submitted_on_the_as_of_date() {
        // visit A 2026-03-01: C04 critical due 03-08 (overdue), C01 minor due 03-31 but submitted,
        // C03 major rejected back to OPEN (due 03-16, overdue); visit B 2026-06-28: C01 due 07-28 (not yet due)
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-03-01", VisitMode.OPEN, PolicyHarness.finding("C04"),
                        PolicyHarness.submitted("C01", "2026-03-20"), PolicyHarness.finding("C03"))
                .history("A", 2, PolicyHarness.submit("2026-03-10"), PolicyHarness.reject("2026-03-12"))
                .visit("B", "V1", "2026-06-28", VisitMode.OPEN, PolicyHarness.finding("C01"));
        assertThat(h.submissions("2026", MID_YEAR))
                .extracting(RectificationLever::rule, RectificationLever::visitId, RectificationLever::position,
                        RectificationLever::submitOn)
                .containsExactly(tuple("UP-08", "A", 0, LocalDate.parse(MID_YEAR)),
                        tuple("UP-08", "A", 2, LocalDate.parse(MID_YEAR)));
        assertThat(h.submissions("2026", "2026-12-31")).as("the period is over").isEmpty();
    }

    @Test
    void the_search_submits_the_overdue_critical_item_that_holds_w09() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026")
                .visit("A", "V1", "2026-03-01", VisitMode.OPEN, PolicyHarness.finding("C04"));
        UpgradePath p = path(h, "V1", null);
        assertThat(p.fromTier()).isEqualTo(Tier.WEAK);
        assertThat(p.reachable()).as(p.reason()).isTrue();
        assertThat(p.changes()).extracting(UpgradePath.Change::fact, UpgradePath.Change::from, UpgradePath.Change::to)
                .containsExactly(tuple("rectification:A#0", RectificationStatus.OPEN, RectificationStatus.SUBMITTED));
        assertThat(p.changes().get(0).rules()).containsExactly("W-09");
        assertThat(p.changes().get(0).points()).as("submitted late: CB-06 does not move").isEqualTo(0.0);
        assertThat(p.resultTier()).as("capped: the critical item awaits verification (G-01)").isEqualTo(Tier.GOOD);
    }

    private static UpgradePath path(PolicyHarness h, String code, Tier target) {
        return new UpgradePathFinder(new Evaluator(PolicyHarness.rules()))
                .find(h.data(), code, Period.parse("2026"), LocalDate.parse(MID_YEAR), target);
    }

    @Test
    void the_search_fills_the_one_seat_that_lifts_a_weak_leadership_and_no_more() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.committeeSeatsFilled = 2;
            f.volunteerActivities = 0;
            return f;
        });
        UpgradePath p = path(h, "V1", null);
        assertThat(p.fromTier()).isEqualTo(Tier.WEAK);
        assertThat(p.target()).isEqualTo(Tier.AVERAGE);
        assertThat(p.reachable()).isTrue();
        assertThat(p.changes()).extracting(UpgradePath.Change::fact, UpgradePath.Change::from, UpgradePath.Change::to)
                .containsExactly(tuple("committeeSeatsFilled", 2, 3));
        assertThat(p.changes().get(0).rules()).containsExactly("CB-02", "W-10");
        assertThat(p.changes().get(0).points()).isEqualTo(2.0);
        assertThat(p.resultTier()).isGreaterThanOrEqualTo(Tier.AVERAGE);
    }

    @Test
    void a_leadership_member_disciplined_cannot_lapse_and_the_reason_says_so() {
        PolicyHarness h = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026", f -> {
            f.disciplineCasesLeadership = 1;
            f.committeeSeatsFilled = 2;
            return f;
        });
        UpgradePath p = path(h, "V1", null);
        assertThat(p.reachable()).isFalse();
        assertThat(p.changes()).isEmpty();
        assertThat(p.reason()).contains("W-07 班子成员违纪违法").doesNotContain("W-10");
    }

    @Test
    void an_organization_already_at_the_target_needs_no_change() {
        PolicyHarness h = new PolicyHarness().organization(new Organization("V1", "V1党支部", OrgType.VILLAGE,
                OrgLevel.BRANCH, null, null, false)).org("V1", OrgType.VILLAGE, "2026");
        UpgradePath p = path(h, "V1", Tier.GOOD);
        assertThat(p.reachable()).isTrue();
        assertThat(p.changes()).isEmpty();
    }
}
