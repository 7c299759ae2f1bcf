package org.grassroots.assessment.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Comparator;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.accessor.Salience;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;

/**
 * Watches one session's firings and halts the session, before a match fires, when the firings
 * reach the limit (the organizations in the session times the limit per organization) or the
 * deadline has passed. Halting lets the match that is firing finish and fires nothing more; the
 * session's caller then calls {@link #throwIfStopped()}. Drools checks a halt between firings only,
 * so work that fires nothing (a large join evaluated before its first match) is not stopped here:
 * the caller's wait on the deadline covers that (see {@link RuleWorkers}).
 *
 * <p>Which rule loops: the rule that fires most is rarely the culprit (a low-salience rule that
 * re-inserts a line sets off the higher-salience scoring rules hundreds of times per firing). So from
 * half the limit on the guard notes the types of the facts each rule inserts and matches, and at
 * the limit names the rule that inserts a type it matches itself (two such rules firing about as
 * often: a ping-pong). Failing that, the loop's driver is taken to be the rule of the lowest
 * salience that keeps firing (it fires only once everything it set off has fired). Sessions that
 * stay under half the limit (every sound rule set: the shipped one fires at most ~1 % of it) pay
 * only a counter. One per session; not shared between threads.
 */
final class FiringGuard extends DefaultAgendaEventListener {

    private final int organizations;
    private final int perOrganization;
    private final long limit;
    private final long watchFrom;
    private final Deadline deadline;
    private long total;
    private Rule last;
    private ExecutionStoppedException stopped;

    // only from half the limit on: the types each rule inserted and matched, and how often it fired
    private Map<Rule, Set<Class<?>>> inserted;
    private Map<Rule, Set<Class<?>>> matched;
    private Map<Rule, long[]> fired;
    private String example;

    FiringGuard(int organizations, int perOrganization, Deadline deadline) {
        this.organizations = Math.max(1, organizations);
        this.perOrganization = perOrganization;
        this.limit = (long) perOrganization * this.organizations;
        this.watchFrom = limit / 2;
        this.deadline = deadline;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        if (stopped != null) {
            return;
        }
        Rule rule = event.getMatch().getRule();
        last = rule;
        total++;
        if (deadline.expired()) {
            stopped = deadline.exceeded(rule.getName());
            event.getKieRuntime().halt();
        } else if (total > watchFrom) {
            if (inserted == null) {
                startDiagnosis(event);
            }
            note(rule, event.getMatch().getObjects());
            if (total > limit) {
                stopped = firingLimit();
                event.getKieRuntime().halt();
            }
        }
    }

    private void startDiagnosis(BeforeMatchFiredEvent event) {
        inserted = new HashMap<>();
        matched = new HashMap<>();
        fired = new HashMap<>();
        event.getKieRuntime().addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent insert) {
                if (insert.getRule() != null) {
                    inserted.computeIfAbsent(insert.getRule(), r -> new HashSet<>()).add(insert.getObject().getClass());
                }
            }
        });
        for (Object o : event.getMatch().getObjects()) {
            example = CoverageListener.orgCodeOf(o);
            if (example != null) {
                break;
            }
        }
    }

    private void note(Rule rule, List<Object> objects) {
        fired.computeIfAbsent(rule, r -> new long[1])[0]++;
        Set<Class<?>> types = matched.computeIfAbsent(rule, r -> new HashSet<>());
        for (Object o : objects) {
            if (o != null) {
                types.add(o.getClass());
            }
        }
    }

    /**
     * Names the rule that inserts facts of a type it matches itself and fired most (two such rules
     * that fired about as often: they feed each other), else the driver by salience.
     */
    private ExecutionStoppedException firingLimit() {
        List<Map.Entry<Rule, long[]>> feeding = new ArrayList<>();
        for (Map.Entry<Rule, long[]> e : fired.entrySet()) {
            Set<Class<?>> in = inserted.getOrDefault(e.getKey(), Set.of());
            if (e.getValue()[0] > 1 && matched.getOrDefault(e.getKey(), Set.of()).stream().anyMatch(in::contains)) {
                feeding.add(e);
            }
        }
        feeding.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
        ExecutionStoppedException.Loop loop;
        if (feeding.size() > 1 && feeding.get(1).getValue()[0] * 2 >= feeding.get(0).getValue()[0]) {
            loop = ExecutionStoppedException.Loop.pair(feeding.get(0).getKey().getName(),
                    feeding.get(1).getKey().getName());
        } else if (!feeding.isEmpty()) {
            loop = ExecutionStoppedException.Loop.itself(feeding.get(0).getKey().getName());
        } else {
            loop = driver();
        }
        return ExecutionStoppedException.firingLimit(loop, total, organizations, example, perOrganization);
    }

    /** The rule (or two) of the lowest salience that fired more than once while watched; else the busiest. */
    private ExecutionStoppedException.Loop driver() {
        List<Map.Entry<Rule, long[]>> rules = new ArrayList<>(fired.entrySet());
        rules.removeIf(e -> e.getValue()[0] < 2 || !(e.getKey() instanceof RuleImpl));
        if (rules.isEmpty()) {
            List<Map.Entry<Rule, long[]>> busiest = new ArrayList<>(fired.entrySet());
            busiest.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
            return ExecutionStoppedException.Loop.busiest(busiest.get(0).getKey().getName());
        }
        rules.sort(Comparator.<Map.Entry<Rule, long[]>>comparingInt(e -> salience(e.getKey()))
                .thenComparing(e -> -e.getValue()[0]));
        Map.Entry<Rule, long[]> first = rules.get(0);
        if (rules.size() > 1 && salience(rules.get(1).getKey()) == salience(first.getKey())
                && rules.get(1).getValue()[0] * 2 >= first.getValue()[0]) {
            return ExecutionStoppedException.Loop.pair(first.getKey().getName(), rules.get(1).getKey().getName());
        }
        return ExecutionStoppedException.Loop.driver(first.getKey().getName());
    }

    // a rule's salience as declared (a salience that depends on the match counts as 0)
    private static int salience(Rule rule) {
        Salience salience = ((RuleImpl) rule).getSalience();
        return salience.isDynamic() ? 0 : salience.getValue();
    }

    /** After the session fired: throws when this guard halted it. */
    void throwIfStopped() {
        if (stopped != null) {
            throw stopped;
        }
    }

}
