package org.grassroots.assessment.server.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.evaluation.VisitPlanning;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.security.SignedInUser;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.DateBounds;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspection plans (督查计划, issue 16): a lead proposes one over a subtree and a date range from the
 * due list ({@link PlanProposal}), adjusts teams and days, and confirms it; the visits recorded
 * afterwards show what was done, what is still due and what was missed. The planned days are
 * secret ({@link PlanViewer}): the audit trail records who created, changed, confirmed or read a
 * plan, never a day.
 */
@Service
public class InspectionPlanning {

    /** A plan covers at most a year. */
    static final int MAX_DAYS = 366;
    private static final String NOT_FOUND = "督查计划不存在";

    /** What a lead asks for: a name, an organization and its subtree, the first and last day. */
    public record NewPlan(String name, String rootOrgCode, LocalDate startsOn, LocalDate endsOn) {
    }

    private final InspectionPlans plans;
    private final InspectorProfiles profiles;
    private final DueVisits dueVisits;
    private final OrganizationService organizations;
    private final PlanProgressRepository progress;
    private final AuditTrail audit;
    private final Clock clock;

    InspectionPlanning(InspectionPlans plans, InspectorProfiles profiles, DueVisits dueVisits,
            OrganizationService organizations, PlanProgressRepository progress, AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.profiles = profiles;
        this.dueVisits = dueVisits;
        this.organizations = organizations;
        this.progress = progress;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the user leads the planning (may propose, adjust and confirm plans). */
    @Transactional(readOnly = true)
    public boolean leads(SignedInUser user) {
        return PlanViewer.of(user, profiles).map(PlanViewer::lead).orElse(false);
    }

    /** The plans the user may see, newest first (404 for anyone but an inspector). */
    @Transactional(readOnly = true)
    public List<PlanViews.Summary> list(SignedInUser user) {
        PlanViewer viewer = viewer(user);
        Townships townships = townships();
        List<PlanViews.Summary> list = new ArrayList<>();
        for (InspectionPlan plan : plans.findAllByOrderByIdDesc()) {
            if (viewer.sees(plan)) {
                list.add(summary(plan, visits(plan, viewer, townships), townships));
            }
        }
        return list;
    }

    /** One plan as the user may see it; reading it is recorded in the audit trail. */
    @Transactional
    public PlanViews.Plan get(long id, SignedInUser user) {
        PlanViewer viewer = viewer(user);
        InspectionPlan plan = plans.findWithVisitsById(id).filter(viewer::sees)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        audit.record(AuditAction.INSPECTION_PLAN_READ, target(plan), "查阅督查计划 #" + plan.getId() + "「"
                + plan.getName() + "」", null);
        return view(plan, viewer, townships());
    }

    /** The planned visits of a month the user may see (his team's; a lead's: all), by day. */
    @Transactional(readOnly = true)
    public List<PlanViews.CalendarEntry> calendar(YearMonth month, SignedInUser user) {
        PlanViewer viewer = viewer(user);
        Townships townships = townships();
        List<PlanViews.CalendarEntry> entries = new ArrayList<>();
        for (InspectionPlan plan : plans.findAllByOrderByIdDesc()) {
            for (PlanViews.Visit visit : visits(plan, viewer, townships)) {
                if (YearMonth.from(visit.plannedOn()).equals(month)) {
                    entries.add(new PlanViews.CalendarEntry(plan.getId(), plan.getName(), visit));
                }
            }
        }
        entries.sort(Comparator.comparing((PlanViews.CalendarEntry e) -> e.visit().plannedOn())
                .thenComparing(e -> e.visit().orgCode()));
        return entries;
    }

    /** Proposes a plan (a lead only): every due visit of the subtree by the last day, assigned and spread. */
    @Transactional
    public PlanViews.Plan create(NewPlan request, SignedInUser user) {
        PlanViewer viewer = lead(user);
        List<Problem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new Problem("/name", "计划名称须为 1 至 100 个字"));
        }
        String root = request.rootOrgCode() == null ? "" : request.rootOrgCode().strip();
        if (root.isEmpty() || !organizations.exists(root)) {
            problems.add(new Problem("/rootOrgCode", "组织不存在：" + root));
        }
        checkDay(problems, "/startsOn", request.startsOn(), "开始日期");
        checkDay(problems, "/endsOn", request.endsOn(), "结束日期");
        if (request.startsOn() != null && request.endsOn() != null) {
            long days = ChronoUnit.DAYS.between(request.startsOn(), request.endsOn()) + 1;
            if (days < 1) {
                problems.add(new Problem("/endsOn", "结束日期不能早于开始日期"));
            } else if (days > MAX_DAYS) {
                problems.add(new Problem("/endsOn", "一个计划最长 " + MAX_DAYS + " 天"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("督查计划有误", problems);
        }
        Townships townships = townships();
        List<InspectorProfile> team = profiles.findAllByOrderByTeamAscUsernameAsc();
        Map<String, Set<String>> teamTownships = PlanProposal.teamTownships(team, townships::of);
        List<VisitPlanning.Due> due = onePerOrganization(dueVisits.of(request.endsOn(), root, true).visits());
        InspectionPlan plan = new InspectionPlan(name, root, request.startsOn(), request.endsOn(), viewer.username(),
                clock.instant());
        PlanProposal.propose(due, teamTownships, townships::of, request.startsOn(), request.endsOn()).forEach(plan::add);
        plans.save(plan);
        audit.record(AuditAction.INSPECTION_PLAN_CREATED, target(plan), "提出督查计划 #" + plan.getId() + "「" + name
                + "」：" + townships.name(root) + "及下级，" + plan.getVisits().size() + " 个组织", null);
        return view(plan, viewer, townships);
    }

    /** A lead sets a planned visit's team and day; 回避 and the plan's range are checked. */
    @Transactional
    public PlanViews.Plan assign(long id, long visitId, String team, LocalDate plannedOn, SignedInUser user) {
        PlanViewer viewer = lead(user);
        InspectionPlan plan = forChange(id);
        PlannedVisit visit = plan.visit(visitId).orElseThrow(() -> new NotFoundException("计划中没有这项检查"));
        Townships townships = townships();
        List<Problem> problems = new ArrayList<>();
        Map<String, Set<String>> teams = PlanProposal.teamTownships(profiles.findAllByOrderByTeamAscUsernameAsc(),
                townships::of);
        String chosen = team == null ? "" : team.strip();
        String township = townships.of(visit.getOrgCode());
        if (!teams.containsKey(chosen)) {
            problems.add(new Problem("/team", "没有这个督查组：" + chosen));
        } else if (township != null && teams.get(chosen).contains(township)) {
            problems.add(new Problem("/team", "回避：" + chosen + "有成员属于" + townships.name(township)
                    + "，不能派往该乡镇（街道）的组织"));
        }
        if (plannedOn == null || plannedOn.isBefore(plan.getStartsOn()) || plannedOn.isAfter(plan.getEndsOn())) {
            problems.add(new Problem("/plannedOn", "计划日期须在计划的起止日期之内"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("计划调整有误", problems);
        }
        visit.assign(chosen, plannedOn);
        audit.record(AuditAction.INSPECTION_PLAN_CHANGED, target(plan), "调整督查计划 #" + plan.getId() + "：" + visit.getOrgCode()
                + " 派" + chosen, null);
        return view(plan, viewer, townships);
    }

    /** A lead confirms a plan whose every visit has a team. */
    @Transactional
    public PlanViews.Plan confirm(long id, SignedInUser user) {
        PlanViewer viewer = lead(user);
        InspectionPlan plan = forChange(id);
        long unassigned = plan.getVisits().stream().filter(v -> v.getTeam() == null).count();
        if (unassigned > 0) {
            throw new ConflictException("尚有 " + unassigned + " 项检查未派督查组（回避），派组后才能确认");
        }
        plan.confirm(viewer.username(), clock.instant());
        audit.record(AuditAction.INSPECTION_PLAN_CONFIRMED, target(plan), "确认督查计划 #" + plan.getId() + "「"
                + plan.getName() + "」", null);
        return view(plan, viewer, townships());
    }

    /** The plan, locked until the transaction ends: changes of one plan are made one after the other. */
    private InspectionPlan forChange(long id) {
        return plans.findForChangeById(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private PlanViewer viewer(SignedInUser user) {
        return PlanViewer.of(user, profiles).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private PlanViewer lead(SignedInUser user) {
        PlanViewer viewer = viewer(user);
        if (!viewer.lead()) {
            throw new AccessDeniedException("只有督查组长可以制定和调整督查计划");
        }
        return viewer;
    }

    private static void checkDay(List<Problem> problems, String path, LocalDate day, String what) {
        if (day == null) {
            problems.add(new Problem(path, "必填：" + what));
        } else if (!DateBounds.holds(day)) {
            problems.add(new Problem(path, DateBounds.message(day)));
        }
    }

    /** An organization due under several rules is visited once: covert when any rule asks for it. */
    private static List<VisitPlanning.Due> onePerOrganization(List<VisitPlanning.Due> due) {
        Map<String, VisitPlanning.Due> chosen = new LinkedHashMap<>();
        for (VisitPlanning.Due visit : due) {
            VisitPlanning.Due before = chosen.get(visit.orgCode());
            if (before == null || (visit.covert() && !before.covert())) {
                chosen.put(visit.orgCode(), visit);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    private Townships townships() {
        return new Townships(organizations.all());
    }

    private static String target(InspectionPlan plan) {
        return "plan:" + plan.getId();
    }

    /** The plan as the viewer may see it, with the organizations' townships and names read once by the caller. */
    private PlanViews.Plan view(InspectionPlan plan, PlanViewer viewer, Townships townships) {
        List<PlanViews.Visit> visits = visits(plan, viewer, townships);
        List<String> teams = profiles.findAllByOrderByTeamAscUsernameAsc().stream().map(InspectorProfile::getTeam)
                .distinct().toList();
        return new PlanViews.Plan(summary(plan, visits, townships), plan.getCreatedBy(), plan.getCreatedAt(), plan.getConfirmedBy(),
                plan.getConfirmedAt(), plan.getVersion(), viewer.lead(), viewer.lead() ? teams : List.of(), visits);
    }

    private PlanViews.Summary summary(InspectionPlan plan, List<PlanViews.Visit> visits, Townships townships) {
        int done = 0;
        int due = 0;
        int missed = 0;
        int unassigned = 0;
        for (PlanViews.Visit v : visits) {
            switch (v.state()) {
                case DONE -> done++;
                case DUE, OVERDUE -> due++;
                case MISSED -> missed++;
            }
            if (v.team() == null) {
                unassigned++;
            }
        }
        return new PlanViews.Summary(plan.getId(), plan.getName(), plan.getRootOrgCode(),
                townships.name(plan.getRootOrgCode()),
                plan.getStartsOn(), plan.getEndsOn(), plan.getStatus(), plan.getStatus().label(),
                new PlanViews.Counts(visits.size(), done, due, missed, unassigned));
    }

    private List<PlanViews.Visit> visits(InspectionPlan plan, PlanViewer viewer, Townships townships) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, PlanProgressRepository.Recorded> recorded = plan.getId() == null ? Map.of() : progress.of(plan);
        List<PlanViews.Visit> visits = new ArrayList<>();
        for (PlannedVisit v : plan.getVisits()) {
            if (!viewer.sees(v)) {
                continue;
            }
            PlanProgressRepository.Recorded done = recorded.get(v.getId());
            PlanViews.VisitState state = PlanViews.VisitState.on(today, done != null, v.getPlannedOn(), plan.getEndsOn());
            String township = townships.of(v.getOrgCode());
            visits.add(new PlanViews.Visit(v.getId(), v.getOrgCode(), townships.name(v.getOrgCode()),
                    township == null ? null : townships.name(township), v.getRuleId(), v.getDueOn(), v.getReason(),
                    v.isCovert(), v.getTeam(), v.getPlannedOn(), state, state.label(),
                    done == null ? null : done.visitId(), done == null ? null : done.date()));
        }
        return visits;
    }
}
