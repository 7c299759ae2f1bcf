package org.grassroots.assessment.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which rules of a set fired in an evaluation, and for which organizations.
 * {@code firedFor} maps every rule that fired at least once to the codes of the organizations it
 * fired for (empty for rules that fire for no organization, such as the catalog rules);
 * {@code neverFired} lists the rules of the set that fired for none. Both are sorted by name.
 */
public record RuleCoverage(SortedMap<String, SortedSet<String>> firedFor, List<String> neverFired) {

    public RuleCoverage {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        firedFor.forEach((rule, orgs) -> copy.put(rule, Collections.unmodifiableSortedSet(new TreeSet<>(orgs))));
        firedFor = Collections.unmodifiableSortedMap(copy);
        neverFired = List.copyOf(new TreeSet<>(neverFired));
    }

    /** Coverage of {@code allRules} given what fired (rule → organization codes). */
    public static RuleCoverage of(Collection<String> allRules, Map<String, ? extends Collection<String>> fired) {
        SortedMap<String, SortedSet<String>> firedFor = new TreeMap<>();
        fired.forEach((rule, orgs) -> firedFor.put(rule, new TreeSet<>(orgs)));
        List<String> never = new ArrayList<>();
        for (String rule : allRules) {
            if (!firedFor.containsKey(rule)) {
                never.add(rule);
            }
        }
        return new RuleCoverage(firedFor, never);
    }

    /** The names of the rules that fired at least once. */
    public SortedSet<String> fired() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(firedFor.keySet()));
    }

    public boolean fired(String rule) {
        return firedFor.containsKey(rule);
    }

    /** How many organizations a rule fired for (0 for a rule that never fired, or fired for none). */
    public int organizationCount(String rule) {
        SortedSet<String> orgs = firedFor.get(rule);
        return orgs == null ? 0 : orgs.size();
    }

    /** Rule → number of organizations it fired for, for every rule that fired. */
    public SortedMap<String, Integer> organizationCounts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        firedFor.forEach((rule, orgs) -> counts.put(rule, orgs.size()));
        return counts;
    }

    /**
     * Coverage over several evaluations with the same rule set (e.g. all scenarios): a rule fired
     * when it fired in any of them; it never fired when it fired in none.
     */
    public static RuleCoverage merge(Collection<String> allRules, Collection<RuleCoverage> coverages) {
        Map<String, SortedSet<String>> fired = new TreeMap<>();
        for (RuleCoverage c : coverages) {
            c.firedFor().forEach((rule, orgs) -> fired.computeIfAbsent(rule, k -> new TreeSet<>()).addAll(orgs));
        }
        return of(allRules, fired);
    }
}
