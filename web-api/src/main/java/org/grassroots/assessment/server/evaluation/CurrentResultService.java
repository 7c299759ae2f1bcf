package org.grassroots.assessment.server.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.evaluation.EvaluationRunner.EvaluationTarget;
import org.grassroots.assessment.server.rectification.ItemSnapshot;
import org.grassroots.assessment.server.rectification.LedgerItem;
import org.grassroots.assessment.server.rectification.LedgerRepository;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-evaluates one organization at once (after a visit is posted, the inspection team sees the
 * effect of its findings): only that organization's rows are read, previous grades come as for a
 * stored evaluation, nothing is written.
 */
@Service
public class CurrentResultService {

    private final AssessmentDataRepository loader;
    private final PreviousGradesResolver previous;
    private final LedgerRepository ledger;
    private final RuleSetInForce ruleSets;
    private final RuleLimits limits;

    CurrentResultService(AssessmentDataRepository loader, PreviousGradesResolver previous, LedgerRepository ledger,
            RuleSetInForce ruleSets, RuleLimits limits) {
        this.limits = limits;
        this.loader = loader;
        this.previous = previous;
        this.ledger = ledger;
        this.ruleSets = ruleSets;
    }

    /** 404 when the organization is unknown or has no facts for the period. */
    @Transactional(readOnly = true)
    public CurrentResult evaluate(String code, EvaluationTarget target) {
        Period period = target.period();
        LocalDate asOf = target.asOf();
        OrgScope scope = OrgScope.organization(code);
        RuleSet rules = ruleSets.get();
        Evaluator evaluator = limits.limit(new Evaluator(rules), limits.currentResult());
        DatabaseAssessmentData data = loader.load(period, asOf, scope);
        List<Organization> orgs = data.organizationsWithFacts(period);
        if (orgs.isEmpty()) {
            boolean known = loader.organizationExists(code);
            throw new NotFoundException(known ? "组织 " + code + " 没有 " + period + " 期间的数据" : "组织不存在：" + code);
        }
        PreviousGradesResolver.Resolved before = previous.resolve(evaluator, data, period, orgs, scope);
        EvaluationResult result = evaluator.evaluate(data, period, asOf, before.grades());
        OrganizationResult r = unranked(result.organizations().get(0));

        List<LedgerItem> items = new ArrayList<>(data.inspectionItems().values());
        items.addAll(ledger.periodItems(period.toString(), scope));
        List<ItemSnapshot> listed = ItemSnapshot.listedAsOf(items, asOf).getOrDefault(code, List.of());
        return new CurrentResult(period.toString(), asOf, result.ruleSet(), before.source(), r, result.members(),
                listed, pending(result, items, period.toString(), asOf));
    }

    /** Produced GRADING and STANDARD items that the ledger does not hold as of the date (none, or withdrawn). */
    private static List<RectificationItem> pending(EvaluationResult result, List<LedgerItem> items, String period,
            LocalDate asOf) {
        Set<String> held = new HashSet<>();
        for (LedgerItem item : items) {
            RectificationStatus status = item.statusAsOf(asOf);
            if (item.source() != RectificationSource.INSPECTION
                    && (status == RectificationStatus.OPEN || status == RectificationStatus.SUBMITTED
                        || status == RectificationStatus.VERIFIED)) {
                held.add(item.itemKey());
            }
        }
        return result.rectifications().stream()
                .filter(i -> i.source() != RectificationSource.INSPECTION)
                .filter(i -> !held.contains(LedgerItem.periodKey(i.source(), i.orgCode(), period, i.rule())))
                .toList();
    }

    private static OrganizationResult unranked(OrganizationResult o) {
        return new OrganizationResult(o.code(), o.name(), o.type(), o.parentCode(), 0, o.cohesion(), o.charisma(),
                o.combat(), o.composite(), o.inspectionScore(), o.tier(), o.weakTriggers(), o.titles(), o.flags(),
                o.movement(), o.explanation(), 0, 0, o.reasons(), o.visits());
    }
}
