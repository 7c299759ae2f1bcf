package org.grassroots.assessment.server.pages.office;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.rectification.LedgerNotes;
import org.grassroots.assessment.server.rectification.RectificationFilter;
import org.grassroots.assessment.server.rectification.RectificationList;
import org.grassroots.assessment.server.rectification.RectificationQuery;
import org.grassroots.assessment.server.rectification.RectificationView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The rectification list (整改台账) for the evaluation office, filtered, with overdue items highlighted. */
@Controller
class LedgerPage {

    static final int SHOWN = 500;

    private final RectificationQuery ledger;
    private final OrganizationService organizations;

    LedgerPage(RectificationQuery ledger, OrganizationService organizations) {
        this.ledger = ledger;
        this.organizations = organizations;
    }

    @GetMapping("/office/rectifications")
    String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String org,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        RectificationFilter filter = RectificationFilter.ledger(org, status, overdue, asOf, SHOWN);
        if (filter.orgCode() != null) {
            organizations.get(filter.orgCode());
        }
        Map<String, String> names = organizations.all().stream()
                .collect(Collectors.toMap(Organization::code, Organization::name));
        RectificationList list = ledger.list(filter);
        Map<Long, String> why = new HashMap<>();
        for (RectificationView item : list.items()) {
            String note = LedgerNotes.why(item, list.asOf());
            if (note != null) {
                why.put(item.id(), note);
            }
        }
        model.addAttribute("list", list);
        model.addAttribute("why", why);
        model.addAttribute("statuses", RectificationStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("org", org);
        model.addAttribute("overdue", overdue);
        model.addAttribute("asOf", asOf);
        model.addAttribute("names", names);
        return "office/rectifications";
    }
}
