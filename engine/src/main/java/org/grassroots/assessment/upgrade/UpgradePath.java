package org.grassroots.assessment.upgrade;

import java.util.List;
import org.grassroots.assessment.evaluation.Tier;

/**
 * The answer to "how does this organization reach the target tier this period" (晋位路径): the
 * smallest set of changes within its reach that does it, found by evaluating candidates with the
 * rules in force, or {@code reachable = false} with the reason. {@code resultComposite} and
 * {@code resultTier} are what the organization gets with the changes applied (with none, when no
 * path exists: its standing as of the date).
 */
public record UpgradePath(
        String period,
        Tier fromTier,
        Tier target,
        boolean reachable,
        String reason,
        double resultComposite,
        Tier resultTier,
        List<Change> changes) {

    public UpgradePath {
        changes = List.copyOf(changes);
    }

    /**
     * One change: the period-facts field {@code fact} from → to (numbers, or booleans for yes/no
     * facts), or a rectification item to submit, {@code rectification:<id>} from OPEN to SUBMITTED
     * (a {@link org.grassroots.assessment.model.RectificationStatus}); the rule ids whose lines or weak triggers it moves, and the points it adds to the sum of
     * the explanation lines against the same path without it.
     */
    public record Change(String fact, Object from, Object to, List<String> rules, double points) {

        public Change {
            rules = List.copyOf(rules);
        }
    }
}
