package org.grassroots.assessment.server.pages.rules;

import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.server.ruleset.RulesInForce.VersionView;

/**
 * A version in the history with what the page offers for it: a draft is activated from its own page,
 * after its scenarios ran ({@code REVIEW}); a version that was in force before the active one can be
 * rolled back to ({@code ROLL_BACK}); one that was in force after it (the active one is a roll back)
 * can be activated again ({@code REACTIVATE}).
 */
public record VersionRow(VersionView version, Action action) {

    public enum Action {
        NONE, REVIEW, ROLL_BACK, REACTIVATE
    }

    static List<VersionRow> of(List<VersionView> versions, Long activeId) {
        List<VersionRow> rows = new ArrayList<>();
        for (VersionView v : versions) {
            Action action;
            if (v.active()) {
                action = Action.NONE;
            } else if ("DRAFT".equals(v.status())) {
                action = Action.REVIEW;
            } else if (activeId != null && v.id() > activeId) {
                action = Action.REACTIVATE;
            } else {
                action = Action.ROLL_BACK;
            }
            rows.add(new VersionRow(v, action));
        }
        return rows;
    }
}
