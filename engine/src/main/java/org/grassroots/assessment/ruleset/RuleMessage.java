package org.grassroots.assessment.ruleset;

/**
 * A compiler message about a rule file, with its position when Drools gives one (0 when unknown).
 * Lines and columns count from 1; {@code toString()} reads {@code ERROR file:line:column: text}.
 */
public record RuleMessage(Level level, String file, int line, int column, String text) {

    public enum Level { ERROR, WARNING, INFO }

    @Override
    public String toString() {
        String where = file == null ? "" : file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": ";
        return level + " " + where + text;
    }
}
