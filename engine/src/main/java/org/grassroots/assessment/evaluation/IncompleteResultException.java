package org.grassroots.assessment.evaluation;

import java.util.List;

/** The rule set produced no value for something every result needs (a force, the tier, …). */
public class IncompleteResultException extends RuntimeException {

    public IncompleteResultException(String orgCode, List<String> missing) {
        super("the rules produced no " + String.join(", ", missing) + " for organization " + orgCode);
    }
}
