package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import java.util.List;

/** The result of evaluating a period (docs/formats.md section 2). */
public record EvaluationResult(
        String period,
        LocalDate asOf,
        RuleSetRef ruleSet,
        List<OrganizationResult> organizations,
        List<MemberResult> members,
        List<RectificationItem> rectifications) {

    public record RuleSetRef(String version, String checksum) {
    }

    public EvaluationResult {
        organizations = List.copyOf(organizations);
        members = List.copyOf(members);
        rectifications = List.copyOf(rectifications);
    }
}
