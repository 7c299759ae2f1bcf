package org.grassroots.assessment.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Competition ranking (1, 2, 2, 4) by an order that the rules define; this class only sorts and
 * counts. Organizations tied by the order are listed by code.
 */
public final class Ranking {

    private Ranking() {
    }

    public static List<Rank> competition(Collection<?> candidates, RankScope scope, Comparator<RankCandidate> order) {
        List<Rank> ranks = new ArrayList<>(candidates.size());
        for (Map.Entry<String, List<RankCandidate>> group : groups(candidates, groupOf(scope), order).entrySet()) {
            List<RankCandidate> sorted = group.getValue();
            int rank = 0;
            for (int i = 0; i < sorted.size(); i++) {
                if (i == 0 || order.compare(sorted.get(i - 1), sorted.get(i)) != 0) {
                    rank = i + 1;
                }
                ranks.add(new Rank(sorted.get(i).code(), scope, group.getKey(), rank));
            }
        }
        return ranks;
    }

    /** The candidates grouped by type, each group in rank order. */
    public static List<List<RankCandidate>> byType(Collection<?> candidates, Comparator<RankCandidate> order) {
        return new ArrayList<>(groups(candidates, groupOf(RankScope.TYPE), order).values());
    }

    /**
     * The last {@code count} of a group in rank order, and any candidate tied with the highest-placed
     * of them.
     */
    public static List<RankCandidate> lowest(List<RankCandidate> sorted, int count, Comparator<RankCandidate> order) {
        if (count <= 0 || sorted.isEmpty()) {
            return List.of();
        }
        int first = Math.max(0, sorted.size() - count);
        RankCandidate highestPlaced = sorted.get(first);
        while (first > 0 && order.compare(sorted.get(first - 1), highestPlaced) == 0) {
            first--;
        }
        return List.copyOf(sorted.subList(first, sorted.size()));
    }

    private static Function<RankCandidate, String> groupOf(RankScope scope) {
        return switch (scope) {
            case ALL -> c -> "";
            case TYPE -> c -> c.type().name();
            case PARENT -> c -> c.parentCode() == null ? "" : c.parentCode();
        };
    }

    private static Map<String, List<RankCandidate>> groups(
            Collection<?> candidates, Function<RankCandidate, String> groupOf, Comparator<RankCandidate> order) {
        Map<String, List<RankCandidate>> groups = new TreeMap<>();
        for (Object o : candidates) {
            RankCandidate c = (RankCandidate) o;
            groups.computeIfAbsent(groupOf.apply(c), k -> new ArrayList<>()).add(c);
        }
        Comparator<RankCandidate> byOrderThenCode = order.thenComparing(RankCandidate::code);
        groups.values().forEach(g -> g.sort(byOrderThenCode));
        return groups;
    }
}
