package org.grassroots.assessment.server.pages.office;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.grassroots.assessment.server.selfreport.FactCatalog;
import org.grassroots.assessment.server.selfreport.SelfReportProgress;
import org.grassroots.assessment.server.selfreport.SelfReporting;
import org.grassroots.assessment.server.web.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's view of a period's self-reports (issue 15): counts per township by status
 * (未提交 / 待审核 / 已退回 / 已批准), the deadline (set here), every organization with its status,
 * and links to review the reports the office itself reviews (the organizations directly under the district).
 */
@Controller
class SelfReportProgressPage {

    /** The most organizations listed without choosing a reviewing unit. */
    private static final int MAX_LISTED = 300;

    private final SelfReportProgress progress;
    private final SelfReporting reporting;
    private final Actor actor;
    private final Clock clock;

    private final FactCatalog catalog;

    SelfReportProgressPage(SelfReportProgress progress, SelfReporting reporting, Actor actor, Clock clock,
            FactCatalog catalog) {
        this.catalog = catalog;
        this.progress = progress;
        this.reporting = reporting;
        this.actor = actor;
        this.clock = clock;
    }

    @GetMapping("/office/self-reports")
    String page(@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
            Model model) {
        String p = period == null || period.isBlank() ? Integer.toString(LocalDate.now(clock).getYear()) : period.strip();
        SelfReportProgress.Progress read = progress.of(p);
        model.addAttribute("progress", read);
        model.addAttribute("facts", catalog.facts());
        model.addAttribute("evidenceFields", reporting.evidenceFields(p));
        model.addAttribute("unit", unit == null ? "" : unit);
        var rows = read.organizations().stream()
                .filter(r -> unit == null || unit.isBlank() || unit.equals(r.unit().isOffice() ? "office" : r.unit().committeeCode()))
                .toList();
        // a whole large district is listed unit by unit
        boolean listed = (unit != null && !unit.isBlank()) || rows.size() <= MAX_LISTED;
        model.addAttribute("rows", listed ? rows : java.util.List.of());
        model.addAttribute("chooseUnit", !listed);
        return "office/self-reports";
    }

    @PostMapping("/office/self-reports/deadline")
    String deadline(@RequestParam String period,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(required = false) Set<String> evidence, RedirectAttributes redirect) {
        reporting.setDeadline(period.strip(), deadline, evidence == null ? Set.of() : evidence, actor.current());
        redirect.addFlashAttribute("notice", period.strip() + " 自评截止日期已设为 " + deadline);
        return "redirect:/office/self-reports?period=" + period.strip();
    }
}
