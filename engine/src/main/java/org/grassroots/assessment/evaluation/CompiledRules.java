package org.grassroots.assessment.evaluation;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;

/**
 * What an {@link Evaluator} runs: compiled rules with their version and checksum. The rule set
 * ({@code org.grassroots.assessment.ruleset.RuleSet}) implements it, so that evaluation does not
 * depend on how rule sets are read, fenced and compiled (the rule-set package depends on the
 * evaluation facts its rules are written against, not the other way round).
 */
public interface CompiledRules {

    String version();

    /** {@code sha256:<hex>} over the files in name order. */
    String checksum();

    KieBase kieBase();

    StatelessKieSession newSession();

    /** Names of the rules in the set, e.g. {@code CB-05 inspection score 明察暗访得分}. */
    List<String> ruleNames();
}
