package org.grassroots.assessment.server.pages.inspection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.visit.StoredVisit;
import org.grassroots.assessment.server.visit.VisitDoubts;
import org.grassroots.assessment.server.visit.VisitService;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.ConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspection team's visit history (检查记录): the visits of an organization, of an inspector, or
 * all, newest first, each with its findings counted and a link to it; and withdrawing a finding with
 * a reason from the visit's page (the same withdrawal as the API's: the deduction and its
 * rectification item go, the audit trail records who and why).
 */
@Controller
class VisitHistoryPages {

    static final int LIMIT = 200;
    private static final int MAX_REASON = 500;

    private final VisitService visits;
    private final OrganizationService organizations;
    private final Actor actor;
    private final VisitDoubts doubts;

    VisitHistoryPages(VisitService visits, OrganizationService organizations, Actor actor, VisitDoubts doubts) {
        this.doubts = doubts;
        this.visits = visits;
        this.organizations = organizations;
        this.actor = actor;
    }

    /**
     * A visit in the list: the visit, its organization's name, its findings not withdrawn, and the
     * reasons it is in doubt (位置或时间存疑, PL-04; empty when it is not).
     */
    public record Row(StoredVisit stored, String orgName, long findings, List<String> doubts) {
    }

    @GetMapping("/inspection/history")
    String history(@RequestParam(required = false) String org, @RequestParam(required = false) String inspector,
            Model model) {
        String code = org == null || org.isBlank() ? null : org.strip();
        String name = inspector == null || inspector.isBlank() ? null : inspector.strip();
        Organization organization = code == null ? null : organizations.get(code);
        List<StoredVisit> found = visits.history(code, name, LIMIT);
        Map<String, String> names = new HashMap<>();
        Map<String, List<String>> inDoubt = doubts.of(found.stream().map(StoredVisit::visit).toList());
        List<Row> rows = found.stream().map(v -> new Row(v, names.computeIfAbsent(v.visit().orgCode(),
                c -> organizations.get(c).name()), v.findings().stream().filter(f -> !f.withdrawn()).count(),
                inDoubt.getOrDefault(v.visit().visitId(), List.of()))).toList();
        model.addAttribute("organization", organization);
        model.addAttribute("inspector", name);
        model.addAttribute("rows", rows);
        model.addAttribute("limit", LIMIT);
        return "inspection/history";
    }

    @PostMapping("/inspection/visits/{visitId}/findings/{position}/withdraw")
    String withdraw(@PathVariable String visitId, @PathVariable int position,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        visits.get(visitId); // 404 for a visit that does not exist
        String why = reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            redirect.addFlashAttribute("withdrawError", why.isEmpty() ? "撤销问题需要写明原因" : "撤销原因不超过 " + MAX_REASON + " 字");
            return "redirect:/inspection/visits/" + visitId;
        }
        try {
            visits.withdraw(visitId, position, why, actor.current());
            redirect.addFlashAttribute("notice", "已撤销第 " + (position + 1) + " 项问题：" + why);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("withdrawError", e.getMessage());
        }
        return "redirect:/inspection/visits/" + visitId;
    }
}
