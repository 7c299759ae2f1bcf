package org.grassroots.assessment.server.evaluation;

import org.grassroots.assessment.ruleset.RuleSet;

/**
 * The rule set evaluations use now. The rule-set feature holds it ({@code ruleset.ActiveRuleSet})
 * and decides when it changes; evaluation only takes it, so it does not depend on that feature
 * (which depends on evaluation for what-if). A caller takes it once and keeps it for the whole of
 * its work, so an activation in the middle never mixes two versions in one result.
 */
public interface RuleSetInForce {

    RuleSet get();
}
