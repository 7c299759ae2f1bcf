package org.grassroots.assessment.server.export;

import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.RectificationItem;

/** The worked example with names and descriptions that a spreadsheet would run as formulas. */
final class HostileResult {

    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/\",\"点击\")";

    private static final Map<String, String> NAMES = Map.of(
            "V-HONGQI", HYPERLINK,
            "V-SHIQIAO", "-2+3,石桥",
            "C-XINGFU", "\t幸福社区",
            "E-HANGKE", "\r\n航科",
            "S-XIEHUI", "普通\"名称\"",
            "XQ-T01", "@SUM(A1:A9)");

    private HostileResult() {
    }

    static EvaluationResult of(EvaluationResult base) {
        List<OrganizationResult> orgs = base.organizations().stream()
                .map(o -> new OrganizationResult(o.code(), NAMES.getOrDefault(o.code(), o.name()), o.type(), o.parentCode(),
                        o.rank(), o.cohesion(), o.charisma(), o.combat(), o.composite(), o.inspectionScore(), o.tier(),
                        o.weakTriggers(), o.titles(), o.flags(), o.movement(), o.explanation(), o.rankInType(),
                        o.rankInParent(), o.reasons(), o.visits()))
                .toList();
        List<RectificationItem> items = base.rectifications().stream()
                .map(i -> new RectificationItem(i.orgCode(), i.source(), i.rule(), i.visitId(), i.position(),
                        "V-SHIQIAO".equals(i.orgCode()) ? "+cmd|' /C calc'!A0" : i.description(),
                        i.deadline(), i.status(), i.overdue()))
                .toList();
        return new EvaluationResult(base.period(), base.asOf(), base.ruleSet(), orgs, base.members(), items);
    }
}
