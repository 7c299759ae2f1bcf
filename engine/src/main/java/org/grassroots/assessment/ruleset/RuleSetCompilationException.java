package org.grassroots.assessment.ruleset;

import java.util.List;

/** A rule set that does not compile; it never replaces a working one. */
public class RuleSetCompilationException extends Exception {

    private final transient List<RuleMessage> messages;

    public RuleSetCompilationException(List<RuleMessage> messages) {
        super(messages.size() + " problem(s) in the rule files: " + messages.stream()
                .filter(m -> m.level() == RuleMessage.Level.ERROR).findFirst().map(RuleMessage::toString).orElse(""));
        this.messages = List.copyOf(messages);
    }

    public RuleSetCompilationException(String message) {
        this(List.of(new RuleMessage(RuleMessage.Level.ERROR, null, 0, 0, message)));
    }

    public List<RuleMessage> messages() {
        return messages;
    }
}
