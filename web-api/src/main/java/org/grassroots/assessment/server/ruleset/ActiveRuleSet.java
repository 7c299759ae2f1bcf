package org.grassroots.assessment.server.ruleset;

import java.util.concurrent.atomic.AtomicReference;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.server.evaluation.RuleSetInForce;
import org.springframework.stereotype.Component;

/**
 * The rule set that evaluations use now. A caller takes it once and keeps it for the whole of its
 * work, so an activation in the middle never mixes two versions in one result.
 */
@Component
public class ActiveRuleSet implements RuleSetInForce {

    private final AtomicReference<RuleSet> current;

    public ActiveRuleSet() throws RuleSetCompilationException {
        this.current = new AtomicReference<>(ShippedRuleSet.get());
    }

    @Override
    public RuleSet get() {
        return current.get();
    }

    /** Swaps in a compiled set atomically; returns the one it replaced. */
    public RuleSet activate(RuleSet rules) {
        return current.getAndSet(rules);
    }

    /**
     * Swaps in a compiled set only if {@code expected} (the very object) is still the one in force:
     * for {@link RuleSetFollower}, so that a set it read from the database before a local activation
     * never replaces that newer activation.
     */
    boolean replace(RuleSet expected, RuleSet rules) {
        return current.compareAndSet(expected, rules);
    }
}
