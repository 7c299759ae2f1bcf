package org.grassroots.assessment.server.pages.office;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.rectification.RectificationFilter;
import org.grassroots.assessment.server.rectification.RectificationQuery;
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
            @RequestParam(defaultValue = "false") boolean overdue, Model model) {
        RectificationStatus chosen = null;
        for (RectificationStatus s : RectificationStatus.values()) {
            if (s.name().equals(status)) {
                chosen = s;
            }
        }
        String orgCode = org.isBlank() ? null : org.strip();
        if (orgCode != null) {
            organizations.get(orgCode);
        }
        Map<String, String> names = organizations.all().stream()
                .collect(Collectors.toMap(Organization::code, Organization::name));
        model.addAttribute("list", ledger.list(new RectificationFilter(orgCode, true,
                chosen == null ? null : Set.of(chosen), null, overdue ? Boolean.TRUE : null, null, null, null, 0, SHOWN)));
        model.addAttribute("statuses", RectificationStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("org", org);
        model.addAttribute("overdue", overdue);
        model.addAttribute("names", names);
        return "office/rectifications";
    }
}
