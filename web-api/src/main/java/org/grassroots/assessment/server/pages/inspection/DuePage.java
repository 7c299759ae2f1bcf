package org.grassroots.assessment.server.pages.inspection;

import java.time.LocalDate;
import org.grassroots.assessment.server.planning.DueVisits;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inspection teams' (and the office's) due list (应检查的组织, issue 16): the organizations due a
 * visit by the rule set's PL rules as of a day, most urgent first, each with its rule, due day, days
 * overdue, covert or not, and the reason; a link to record the visit.
 */
@Controller
class DuePage {

    private final DueVisits dueVisits;

    DuePage(DueVisits dueVisits) {
        this.dueVisits = dueVisits;
    }

    @GetMapping("/inspection/due")
    String due(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String org, Model model) {
        DueVisits.DueList list;
        try {
            list = dueVisits.of(asOf, org, true);
        } catch (InvalidRequestException e) {
            model.addAttribute("asOfError", e.getMessage());
            list = dueVisits.of(null, org, true);
        }
        model.addAttribute("list", list);
        model.addAttribute("org", org == null ? "" : org.strip());
        model.addAttribute("overdue", list.visits().stream().filter(d -> d.overdueDays() > 0).count());
        model.addAttribute("covert", list.visits().stream().filter(d -> d.covert()).count());
        return "inspection/due";
    }
}
