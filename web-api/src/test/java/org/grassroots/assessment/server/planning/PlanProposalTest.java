package org.grassroots.assessment.server.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grassroots.assessment.server.evaluation.VisitPlanning;
import org.junit.jupiter.api.Test;

/** How a plan is proposed: 回避, the load shared, the days spread by urgency and never before a visit falls due. */
class PlanProposalTest {

    private static final LocalDate START = LocalDate.of(2026, 12, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 30);
    private static final Map<String, String> TOWNSHIP = Map.of("A1", "A", "A2", "A", "A3", "A", "B1", "B", "B2", "B");

    private static VisitPlanning.Due due(String org, LocalDate dueOn) {
        return new VisitPlanning.Due(org, org, "PL-02", dueOn, 0, false, "理由");
    }

    @Test
    void no_team_goes_into_a_township_of_its_members_and_the_others_share_the_load() {
        Map<String, Set<String>> teams = Map.of("一组", Set.of("A"), "二组", Set.of("B"), "三组", Set.of());
        List<PlanProposal.Item> items = PlanProposal.propose(
                List.of(due("A1", START), due("A2", START), due("A3", START), due("B1", START), due("B2", START)),
                teams, TOWNSHIP::get, START, END);

        assertThat(items).extracting(i -> i.due().orgCode() + ":" + i.team())
                .containsExactly("A1:三组", "A2:二组", "A3:三组", "B1:一组", "B2:一组");
    }

    @Test
    void a_visit_no_team_may_take_stays_unassigned() {
        List<PlanProposal.Item> items = PlanProposal.propose(List.of(due("A1", START)),
                Map.of("一组", Set.of("A")), TOWNSHIP::get, START, END);
        assertThat(items.get(0).team()).isNull();
        assertThat(items.get(0).plannedOn()).isEqualTo(START);
    }

    @Test
    void each_teams_visits_are_spread_over_the_range_in_order_and_never_before_they_fall_due() {
        LocalDate late = LocalDate.of(2026, 12, 20);
        List<PlanProposal.Item> items = PlanProposal.propose(
                List.of(due("A1", START), due("A2", START), due("A3", late), due("B1", LocalDate.of(2027, 1, 5))),
                Map.of("一组", Set.of()), TOWNSHIP::get, START, END);

        assertThat(items).extracting(PlanProposal.Item::plannedOn).containsExactly(
                START, START.plusDays(30 / 4), late, END); // the last one falls due after the plan: its last day
    }

    @Test
    void a_teams_townships_come_from_its_members_home_organizations() {
        InspectorProfile one = new InspectorProfile("li");
        one.set("一组", "A2", true, "admin", java.time.Instant.EPOCH);
        InspectorProfile two = new InspectorProfile("chen");
        two.set("一组", null, false, "admin", java.time.Instant.EPOCH);
        InspectorProfile three = new InspectorProfile("zhao");
        three.set("二组", "B1", false, "admin", java.time.Instant.EPOCH);
        assertThat(PlanProposal.teamTownships(List.of(one, two, three), TOWNSHIP::get))
                .isEqualTo(Map.of("一组", Set.of("A"), "二组", Set.of("B")));
    }
}
