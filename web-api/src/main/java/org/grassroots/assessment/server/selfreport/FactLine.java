package org.grassroots.assessment.server.selfreport;

import java.util.List;
import org.grassroots.assessment.server.importing.xlsx.Choice;
import org.grassroots.assessment.server.importing.xlsx.ColumnKind;

/**
 * One fact of a self-report as its pages show it.
 *
 * @param input     what the form field holds: the representative's value, or what they typed when
 *                  the form came back with a problem
 * @param submitted the value last submitted, as people read it
 * @param approved  the value evaluations use now, as people read it (empty when none)
 * @param previous  the previous period's value, as people read it (empty when none)
 * @param changed   whether the representative's value waits to be submitted
 * @param error     the problem with the value, in Chinese, or null
 * @param evidenceRequired whether the office asks for evidence files with this fact
 * @param evidence  the stored names of the evidence files attached
 */
public record FactLine(String field, String name, String unit, String meaning, List<String> rules, ColumnKind kind,
                       List<Choice> choices, String input, String submitted, String approved, String previous,
                       FactState state, String reason, int revision, boolean changed, String error,
                       boolean evidenceRequired, List<String> evidence) {

    public FactLine {
        evidence = List.copyOf(evidence);
        rules = List.copyOf(rules);
        choices = List.copyOf(choices);
    }

    public boolean awaitingReview() {
        return state == FactState.SUBMITTED;
    }
}
