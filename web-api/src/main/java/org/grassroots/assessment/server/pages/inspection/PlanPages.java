package org.grassroots.assessment.server.pages.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.server.planning.InspectionPlanning;
import org.grassroots.assessment.server.planning.PlanViews;
import org.grassroots.assessment.server.security.SignedInUser;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspection plans' pages (督查计划, issue 16): the list and, for a lead, the form that proposes
 * one; a plan with its visits, where a lead sets each visit's team and day and confirms the plan.
 * Everyone but an inspector gets the 404 page (the service decides, as for the API).
 */
@Controller
class PlanPages {

    private final InspectionPlanning planning;
    private final Clock clock;

    PlanPages(InspectionPlanning planning, Clock clock) {
        this.planning = planning;
        this.clock = clock;
    }

    @GetMapping("/inspection/plans")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("plans", planning.list(user));
        model.addAttribute("lead", planning.leads(user));
        if (!model.containsAttribute("form")) {
            LocalDate today = LocalDate.now(clock);
            model.addAttribute("form", new InspectionPlanning.NewPlan("", "", today, today.plusDays(59)));
        }
        return "inspection/plans";
    }

    @PostMapping("/inspection/plans")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String rootOrgCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        InspectionPlanning.NewPlan form = new InspectionPlanning.NewPlan(name, rootOrgCode, startsOn, endsOn);
        try {
            PlanViews.Plan plan = planning.create(form, user);
            redirect.addFlashAttribute("notice", "已按应检查清单提出计划：" + plan.summary().counts().total()
                    + " 个组织；请调整后确认");
            return "redirect:/inspection/plans/" + plan.summary().id();
        } catch (InvalidRequestException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", errors(e));
            return list(user, model);
        }
    }

    @GetMapping("/inspection/plans/{id}")
    String plan(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("plan", planning.get(id, user));
        model.addAttribute("today", LocalDate.now(clock));
        return "inspection/plan";
    }

    @PostMapping("/inspection/plans/{id}/visits/{visitId}")
    String assign(@PathVariable long id, @PathVariable long visitId, @RequestParam(defaultValue = "") String team,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            PlanViews.Plan plan = planning.assign(id, visitId, team, plannedOn, user);
            String org = plan.visits().stream().filter(v -> v.id() == visitId).map(PlanViews.Visit::orgName)
                    .findFirst().orElse("");
            redirect.addFlashAttribute("notice", "已调整：" + org + " 由" + team.strip() + "检查");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("visitErrors", Map.of(visitId, String.join("；", errors(e).values())));
        }
        return "redirect:/inspection/plans/" + id + "#visit-" + visitId;
    }

    @PostMapping("/inspection/plans/{id}/confirm")
    String confirm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        planning.confirm(id, user);
        redirect.addFlashAttribute("notice", "计划已确认");
        return "redirect:/inspection/plans/" + id;
    }

    /** The problems by field name (the JSON Pointer without its slash). */
    private static Map<String, String> errors(InvalidRequestException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem p : e.problems()) {
            errors.merge(p.path().isEmpty() ? "" : p.path().substring(1), p.message(), (a, b) -> a + "；" + b);
        }
        return errors;
    }
}
