package org.grassroots.assessment.server.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.evaluation.EvaluationResult.RuleSetRef;
import org.grassroots.assessment.evaluation.MemberResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.server.rectification.ItemSnapshot;

/**
 * One organization evaluated now, nothing stored. The result is not ranked (rank fields 0: one
 * organization was evaluated, not the district). {@code rectifications} are its ledger items as of
 * the as-of date; {@code pending} are GRADING and STANDARD items the evaluation produced that the
 * ledger does not hold yet, or holds withdrawn (the next stored evaluation of the period opens them).
 */
public record CurrentResult(
        String period,
        LocalDate asOf,
        RuleSetRef ruleSet,
        String previousGrades,
        OrganizationResult result,
        List<MemberResult> members,
        List<ItemSnapshot> rectifications,
        List<RectificationItem> pending) {
}
