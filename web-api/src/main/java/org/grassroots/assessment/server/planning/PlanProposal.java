package org.grassroots.assessment.server.planning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.grassroots.assessment.server.evaluation.VisitPlanning;

/**
 * The visits a plan proposes: every due visit, most urgent first, to the team with the fewest
 * visits so far among those allowed to go (回避: no team goes into a township one of its members
 * belongs to); a due visit no team may take stays unassigned for the lead. Each team's visits are
 * spread evenly over the range in the order of urgency, never before the day a visit falls due.
 */
final class PlanProposal {

    /** A proposed visit: the due visit, the team (null when every team must keep away) and the day. */
    record Item(VisitPlanning.Due due, String team, LocalDate plannedOn) {
    }

    private PlanProposal() {
    }

    /**
     * @param due            the due visits of the plan's subtree, most urgent first
     * @param teamTownships  every team and the townships its members belong to
     * @param townshipOf     the township of an organization (null for none)
     */
    static List<Item> propose(List<VisitPlanning.Due> due, Map<String, Set<String>> teamTownships,
            Function<String, String> townshipOf, LocalDate startsOn, LocalDate endsOn) {
        Map<String, Integer> load = new TreeMap<>();
        teamTownships.keySet().forEach(team -> load.put(team, 0));
        Map<VisitPlanning.Due, String> teams = new LinkedHashMap<>();
        for (VisitPlanning.Due visit : due) {
            String township = townshipOf.apply(visit.orgCode());
            String team = load.entrySet().stream()
                    .filter(t -> township == null || !teamTownships.get(t.getKey()).contains(township))
                    .min(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)) // TreeMap: ties by name
                    .map(Map.Entry::getKey).orElse(null);
            if (team != null) {
                load.merge(team, 1, Integer::sum);
            }
            teams.put(visit, team);
        }
        long days = ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
        Map<String, Integer> placed = new TreeMap<>();
        List<Item> items = new ArrayList<>();
        for (Map.Entry<VisitPlanning.Due, String> entry : teams.entrySet()) {
            String team = entry.getValue();
            int n = team == null ? 1 : load.get(team);
            int i = team == null ? 0 : placed.merge(team, 1, Integer::sum) - 1;
            LocalDate spread = startsOn.plusDays(i * days / n);
            LocalDate day = entry.getKey().dueOn().isAfter(spread) ? entry.getKey().dueOn() : spread;
            items.add(new Item(entry.getKey(), team, day.isAfter(endsOn) ? endsOn : day));
        }
        return items;
    }

    /** The teams and the townships of their members' home organizations. */
    static Map<String, Set<String>> teamTownships(List<InspectorProfile> profiles, Function<String, String> townshipOf) {
        Map<String, Set<String>> teams = new TreeMap<>();
        for (InspectorProfile profile : profiles) {
            Set<String> townships = teams.computeIfAbsent(profile.getTeam(), t -> new java.util.TreeSet<>());
            if (profile.getHomeOrgCode() != null) {
                String township = townshipOf.apply(profile.getHomeOrgCode());
                townships.add(Objects.requireNonNullElse(township, profile.getHomeOrgCode()));
            }
        }
        return teams;
    }
}
