package org.grassroots.assessment.server.planning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the leads (督查组长) are reminded of (issue 16): the visits of confirmed plans that fall due
 * within a number of days, whose planned day has passed within the plan's range, or that the plan's
 * range ended without. These name planned (covert) days, which only a lead sees of every team: they
 * are for the leads and nobody else.
 */
@Service
public class PlanReminders {

    /** A planned visit to remind the leads of, with its state on the day asked. */
    public record Item(long plannedVisitId, long planId, String planName, String orgCode, String orgName,
            boolean covert, String team, LocalDate plannedOn, LocalDate endsOn, PlanViews.VisitState state) {
    }

    private final InspectionPlans plans;
    private final InspectorProfiles profiles;
    private final PlanProgressRepository progress;
    private final OrganizationService organizations;

    PlanReminders(InspectionPlans plans, InspectorProfiles profiles, PlanProgressRepository progress,
            OrganizationService organizations) {
        this.plans = plans;
        this.profiles = profiles;
        this.progress = progress;
        this.organizations = organizations;
    }

    /** The usernames of the inspectors who lead the planning. */
    @Transactional(readOnly = true)
    public Set<String> leads() {
        return profiles.findAll().stream().filter(InspectorProfile::isLead).map(InspectorProfile::getUsername)
                .collect(Collectors.toSet());
    }

    /**
     * The planned visits of confirmed plans, as of a day, that no visit recorded by then took care of:
     * due within {@code dueWithinDays} days (DUE), past their planned day while the plan runs
     * (OVERDUE), or left undone when the plan ended {@code dueWithinDays} days ago at most (at least
     * one day: MISSED, so a run on the day after the end always finds it). Drafts are not reminded of.
     */
    @Transactional(readOnly = true)
    public List<Item> asOf(LocalDate day, int dueWithinDays) {
        int missedWindow = Math.max(1, dueWithinDays);
        record Pending(InspectionPlan plan, PlannedVisit visit, PlanViews.VisitState state) {
        }
        List<Pending> pending = new ArrayList<>();
        for (InspectionPlan plan : plans.findAllByOrderByIdDesc()) {
            if (plan.getStatus() != PlanStatus.CONFIRMED
                    || ChronoUnit.DAYS.between(plan.getEndsOn(), day) > missedWindow) {
                continue;
            }
            Map<Long, PlanProgressRepository.Recorded> recorded = progress.of(plan);
            for (PlannedVisit v : plan.getVisits()) {
                PlanProgressRepository.Recorded done = recorded.get(v.getId());
                PlanViews.VisitState state = PlanViews.VisitState.on(day, done != null && !done.date().isAfter(day),
                        v.getPlannedOn(), plan.getEndsOn());
                boolean remind = switch (state) {
                    case DONE -> false;
                    case DUE -> ChronoUnit.DAYS.between(day, v.getPlannedOn()) <= dueWithinDays;
                    case OVERDUE, MISSED -> true;
                };
                if (remind) {
                    pending.add(new Pending(plan, v, state));
                }
            }
        }
        Map<String, String> names = organizations.names(pending.stream().map(p -> p.visit().getOrgCode()).distinct()
                .toList());
        return pending.stream().map(p -> new Item(p.visit().getId(), p.plan().getId(), p.plan().getName(),
                p.visit().getOrgCode(), names.getOrDefault(p.visit().getOrgCode(), p.visit().getOrgCode()),
                p.visit().isCovert(), p.visit().getTeam(), p.visit().getPlannedOn(), p.plan().getEndsOn(), p.state()))
                .toList();
    }
}
