package org.grassroots.assessment.server.evaluation;

import java.util.List;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.evaluation.EvaluationRunner.EvaluationTarget;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.grassroots.assessment.upgrade.UpgradePath;
import org.grassroots.assessment.upgrade.UpgradePathFinder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The path to upgrade (晋位路径) of one organization: its rows are read as for its current result,
 * previous grades come as for a stored evaluation, and the engine searches the smallest set of
 * changes within reach with the rule set in force. Nothing is written.
 */
@Service
public class UpgradePathService {

    private final AssessmentDataRepository loader;
    private final PreviousGradesResolver previous;
    private final RuleSetInForce ruleSets;
    private final RuleLimits limits;

    UpgradePathService(AssessmentDataRepository loader, PreviousGradesResolver previous, RuleSetInForce ruleSets,
            RuleLimits limits) {
        this.loader = loader;
        this.previous = previous;
        this.ruleSets = ruleSets;
        this.limits = limits;
    }

    /** The tier named by {@code text} (WEAK, AVERAGE, GOOD, ADVANCED), null for none; 400 otherwise. */
    public static Tier tier(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (Tier t : Tier.values()) {
            if (t.name().equals(text) || t.label().equals(text)) {
                return t;
            }
        }
        throw new InvalidRequestException("目标定级“" + text + "”无效：应为 WEAK、AVERAGE、GOOD 或 ADVANCED",
                List.of(new Problem("/target", "target must be WEAK, AVERAGE, GOOD or ADVANCED: " + text)));
    }

    /** 404 when the organization is unknown or has no facts for the period. */
    @Transactional(readOnly = true)
    public UpgradePath find(String code, EvaluationTarget target, Tier tier) {
        Period period = target.period();
        OrgScope scope = OrgScope.organization(code);
        RuleSet rules = ruleSets.get();
        Evaluator evaluator = limits.limit(new Evaluator(rules), limits.currentResult());
        DatabaseAssessmentData data = loader.load(period, target.asOf(), scope);
        List<Organization> orgs = data.organizationsWithFacts(period);
        if (orgs.isEmpty()) {
            boolean known = loader.organizationExists(code);
            throw new NotFoundException(known ? "组织 " + code + " 没有 " + period + " 期间的数据" : "组织不存在：" + code);
        }
        PreviousGradesResolver.Resolved before = previous.resolve(evaluator, data, period, orgs, scope);
        return new UpgradePathFinder(evaluator).find(data, code, period, target.asOf(), tier, before.grades());
    }
}
