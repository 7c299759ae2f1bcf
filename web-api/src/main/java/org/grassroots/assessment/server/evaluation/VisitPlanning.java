package org.grassroots.assessment.server.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.DoubtfulVisit;
import org.grassroots.assessment.evaluation.DueVisit;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.PlanningDay;
import org.grassroots.assessment.evaluation.PublishedGrade;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.server.AssessmentProperties;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visits the organizations are due as of a day (督查计划, the rule set's PL rules, policy
 * section 9): every organization in scope with its visits and findings up to the day, the items'
 * verifications and the latest published grades, planned with the rule set in force. Nothing is stored.
 */
@Service
public class VisitPlanning {

    private static final int BATCH_SIZE = 64;

    /** A due visit with its organization's name and how many days it is overdue on the day (0: not yet). */
    public record Due(String orgCode, String orgName, String rule, LocalDate dueOn, long overdueDays, boolean covert,
                      String reason) {
    }

    private final AssessmentDataRepository loader;
    private final PublishedGradeRepository grades;
    private final RuleSetInForce rules;
    private final AssessmentProperties properties;
    private final RuleLimits limits;
    private final Clock clock;

    VisitPlanning(AssessmentDataRepository loader, PublishedGradeRepository grades, RuleSetInForce rules,
            AssessmentProperties properties, RuleLimits limits, Clock clock) {
        this.loader = loader;
        this.grades = grades;
        this.rules = rules;
        this.properties = properties;
        this.limits = limits;
        this.clock = clock;
    }

    /** Each organization's latest grade published by the day (organizations never graded are absent). */
    @Transactional(readOnly = true)
    public Map<String, Tier> publishedTiers(LocalDate asOf) {
        Map<String, Tier> tiers = new java.util.HashMap<>();
        grades.latest(asOf, clock.getZone(), OrgScope.all()).forEach((code, grade) -> tiers.put(code, grade.tier()));
        return tiers;
    }

    /** Most urgent first: most days overdue, then covert before open, then due day and organization. */
    @Transactional(readOnly = true)
    public List<Due> due(LocalDate asOf, OrgScope scope) {
        DatabaseAssessmentData data = loader.loadForPlanning(asOf, scope);
        Evaluator.PlannedVisits planned = plan(data, asOf, scope);
        List<Due> due = new ArrayList<>();
        for (DueVisit d : planned.due()) {
            long overdue = Math.max(0, d.dueOn().until(asOf, java.time.temporal.ChronoUnit.DAYS));
            due.add(new Due(d.orgCode(), data.organizations().get(d.orgCode()).name(), d.rule(), d.dueOn(), overdue,
                    d.covert(), d.reason()));
        }
        due.sort(Comparator.comparingLong(Due::overdueDays).reversed()
                .thenComparing(Due::covert, Comparator.reverseOrder())
                .thenComparing(Due::dueOn).thenComparing(Due::orgCode).thenComparing(Due::rule));
        return due;
    }

    /**
     * The visits in doubt (位置或时间存疑, PL-04) among the visits up to the day of the organizations in
     * scope: visit id → the rules' reasons, in the order the planning gives them.
     */
    @Transactional(readOnly = true)
    public Map<String, List<String>> doubts(LocalDate asOf, OrgScope scope) {
        DatabaseAssessmentData data = loader.loadForPlanning(asOf, scope);
        Map<String, List<String>> doubts = new LinkedHashMap<>();
        for (DoubtfulVisit d : plan(data, asOf, scope).doubts()) {
            doubts.computeIfAbsent(d.visitId(), k -> new ArrayList<>()).add(d.reason());
        }
        return doubts;
    }

    private Evaluator.PlannedVisits plan(DatabaseAssessmentData data, LocalDate asOf, OrgScope scope) {
        List<Organization> orgs = new ArrayList<>(data.organizations().values());
        orgs.sort(Comparator.comparing(Organization::code));
        if (orgs.isEmpty()) {
            return new Evaluator.PlannedVisits(List.of(), List.of(), null);
        }
        Map<String, PublishedGrade> published = grades.latest(asOf, clock.getZone(), scope);
        LocalDate recordsStart = grades.recordsStart().orElse(asOf.withDayOfYear(1));
        Deadline deadline = limits.evaluation();
        Evaluator evaluator = limits.limit(new Evaluator(rules.get(), properties.threads(), BATCH_SIZE), deadline);
        return evaluator.planVisits(data, orgs, new PlanningDay(asOf, recordsStart), published);
    }
}
