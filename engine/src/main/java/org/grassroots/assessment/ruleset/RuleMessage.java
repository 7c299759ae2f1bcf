package org.grassroots.assessment.ruleset;

import org.grassroots.assessment.ruleset.fence.Refusal;

/**
 * A compiler message about a rule file, with its position when Drools gives one (0 when unknown).
 * Lines and columns count from 1; {@code toString()} reads {@code ERROR file:line:column: text}.
 */
public record RuleMessage(Level level, String file, int line, int column, String text) {

    public enum Level { ERROR, WARNING, INFO }

    /** What the rule-language fence refused, as an error at its place. */
    static RuleMessage refused(Refusal r) {
        return new RuleMessage(Level.ERROR, r.file(), r.line(), r.column(), r.text());
    }

    @Override
    public String toString() {
        String where = file == null ? "" : file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": ";
        return level + " " + where + text;
    }
}
