package org.grassroots.assessment.ruleset;

import java.util.List;
import org.grassroots.assessment.evaluation.RuleCoverage;
import org.grassroots.assessment.scenario.ScenarioProblem;

/**
 * What {@link RuleSetValidator} found. {@code ruleSet} is the compiled set, null when it has
 * errors; {@code errors} are the compiler's errors (file, line, column, message); {@code warnings}
 * the compiler's warnings and the validator's own; {@code scenarioProblems} what was wrong with the
 * scenario files when scenarios were given; {@code coverage} the coverage over the scenarios that
 * ran (null when no scenario ran).
 */
public record ValidationReport(RuleSet ruleSet, List<RuleMessage> errors, List<Warning> warnings,
        List<ScenarioProblem> scenarioProblems, RuleCoverage coverage) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        scenarioProblems = List.copyOf(scenarioProblems);
    }

    public enum Kind {
        /** a warning of the Drools compiler */
        COMPILER,
        /** the rule's name does not start with a policy id ({@link RuleSetValidator#POLICY_ID}) */
        NO_POLICY_ID,
        /**
         * the rule's policy id is also used in another file. Several rules with one id in the same
         * file are variants of one policy rule (e.g. the three CH-01 rules) and are allowed.
         */
        DUPLICATE_ID,
        /** the rule fired in none of the scenarios */
        NEVER_FIRED
    }

    /** A warning about a rule: where it is declared (file, line; 0 when unknown), its name and what. */
    public record Warning(Kind kind, String file, int line, String rule, String message) {

        @Override
        public String toString() {
            return (file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ") + "warning: " + message;
        }
    }

    /** True when the set compiles (warnings allowed). */
    public boolean ok() {
        return errors.isEmpty();
    }
}
