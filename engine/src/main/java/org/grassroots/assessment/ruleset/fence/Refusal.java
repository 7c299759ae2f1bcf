package org.grassroots.assessment.ruleset.fence;

/**
 * One thing the fence refuses: where (file, line and column from 1), the refused name, and why, in
 * Chinese for the rule maintainer and in English for the log. Reads
 * {@code 不允许使用 Runtime（规则中只能使用考评事实与结果类型）/ refused: Runtime is not in the rule language}.
 */
public record Refusal(String file, int line, int column, String name, String chinese, String english) {

    /** The error as a rule maintainer reads it (the rule set reports it as a {@code RuleMessage}). */
    public String text() {
        return chinese + " / refused: " + name + " " + english;
    }

    /** A type, method or name outside the vocabulary. */
    static Refusal name(SourceText source, int offset, String name) {
        return at(source, offset, name, "不允许使用 " + name + "（规则中只能使用考评事实与结果类型、规则函数和基本运算）",
                "is not in the rule language");
    }

    static Refusal method(SourceText source, int offset, String name) {
        return at(source, offset, name, "不允许调用 " + name + "（规则语言中没有这个方法）", "is not in the rule language");
    }

    static Refusal at(SourceText source, int offset, String name, String chinese, String english) {
        return new Refusal(source.file(), source.line(offset), source.column(offset), name, chinese, english);
    }
}
