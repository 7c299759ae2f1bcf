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

    /** Formulas that hide behind full-width signs or leading white space. */
    static final Map<String, String> DISGUISED = Map.of(
            "V-HONGQI", "＝HYPERLINK(\"http://evil.example/\")",
            "V-SHIQIAO", "＋1+2",
            "C-XINGFU", "－3-4",
            "E-HANGKE", "＠SUM(A1:A9)",
            "S-XIEHUI", "  =1+1",
            "XQ-T01", "\u3000 ＋cmd|' /C calc'!A0");

    static EvaluationResult of(EvaluationResult base) {
        return of(base, NAMES);
    }

    static EvaluationResult of(EvaluationResult base, Map<String, String> names) {
        List<OrganizationResult> orgs = base.organizations().stream()
                .map(o -> new OrganizationResult(o.code(), names.getOrDefault(o.code(), o.name()), o.type(), o.parentCode(),
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
