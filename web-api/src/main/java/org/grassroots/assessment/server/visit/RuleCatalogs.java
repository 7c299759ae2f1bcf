package org.grassroots.assessment.server.visit;

import java.util.concurrent.atomic.AtomicReference;
import org.grassroots.assessment.ruleset.RuleCatalog;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.ruleset.ActiveRuleSet;
import org.springframework.stereotype.Component;

/** The checklist catalog of the active rule set, worked out once per rule set. */
@Component
public class RuleCatalogs {

    private record Entry(RuleSet rules, RuleCatalog catalog) {
    }

    private final ActiveRuleSet active;
    private final AtomicReference<Entry> last = new AtomicReference<>();

    RuleCatalogs(ActiveRuleSet active) {
        this.active = active;
    }

    public RuleCatalog current() {
        RuleSet rules = active.get();
        Entry entry = last.get();
        if (entry == null || entry.rules() != rules) {
            entry = new Entry(rules, RuleCatalog.of(rules));
            last.set(entry);
        }
        return entry.catalog();
    }
}
