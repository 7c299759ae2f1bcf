package org.grassroots.assessment.ruleset.fence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The policy id at the start of a rule name (docs/policy.md, "Rule ids"). */
public final class PolicyIds {

    /**
     * A policy id at the start of a rule name: one or two capitals, a dash, capitals or digits, then
     * a space or the end ({@code CO-01}, {@code C-CATALOG}, {@code W-FS}, {@code G-00}, {@code V-RATE}).
     */
    public static final Pattern POLICY_ID = Pattern.compile("^([A-Z]{1,2}-[A-Z0-9]+)(?=\\s|$)");

    private PolicyIds() {
    }

    /** The policy id of a rule name, or null when it has none. */
    public static String of(String ruleName) {
        Matcher m = POLICY_ID.matcher(ruleName);
        return m.find() ? m.group(1) : null;
    }
}
