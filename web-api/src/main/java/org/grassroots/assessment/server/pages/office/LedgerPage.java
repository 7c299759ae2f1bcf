package org.grassroots.assessment.server.pages.office;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.rectification.LedgerNotes;
import org.grassroots.assessment.server.rectification.LedgerOrder;
import org.grassroots.assessment.server.rectification.RectificationFilter;
import org.grassroots.assessment.server.rectification.RectificationList;
import org.grassroots.assessment.server.rectification.RectificationQuery;
import org.grassroots.assessment.server.rectification.RectificationView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rectification list (整改台账) for the evaluation office: filtered by status, overdue and an
 * organization given by name or 组织编码 (with its subordinates), as of a date, ordered, 50 items a
 * page (the same query the export's 整改台账 sheet uses), overdue items highlighted.
 */
@Controller
class LedgerPage {

    static final int PAGE_SIZE = 50;
    /** How many organizations a name may match before the page asks for a closer name. */
    static final int CHOICES = 10;

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
            @RequestParam(defaultValue = "") String order, @RequestParam(defaultValue = "1") int page,
            Model model) {
        LedgerOrder chosen = LedgerOrder.parse(order);
        model.addAttribute("statuses", RectificationStatus.values());
        model.addAttribute("orders", LedgerOrder.values());
        model.addAttribute("order", chosen.name());
        model.addAttribute("status", status);
        model.addAttribute("org", org);
        model.addAttribute("overdue", overdue);
        model.addAttribute("asOf", asOf);

        String text = org.strip();
        Organization organization = null;
        if (!text.isEmpty()) {
            List<Organization> found = organizations.exists(text) ? List.of(organizations.get(text))
                    : organizations.search(text, CHOICES + 1);
            if (found.size() != 1) {
                model.addAttribute("choices", found.stream().limit(CHOICES).toList());
                model.addAttribute("tooMany", found.size() > CHOICES);
                return "office/rectifications";
            }
            organization = found.get(0);
        }
        model.addAttribute("organization", organization);
        RectificationFilter filter = RectificationFilter.ledger(organization == null ? null : organization.code(),
                status, overdue, asOf, PAGE_SIZE).onPage(page - 1, PAGE_SIZE);
        RectificationList list = ledger.list(filter, chosen);
        Map<Long, String> why = new HashMap<>();
        for (RectificationView item : list.items()) {
            String note = LedgerNotes.why(item, list.asOf());
            if (note != null) {
                why.put(item.id(), note);
            }
        }
        model.addAttribute("list", list);
        model.addAttribute("pages", Math.max(1, (list.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("why", why);
        model.addAttribute("names", organizations.names(list.items().stream().map(RectificationView::orgCode)
                .distinct().toList()));
        return "office/rectifications";
    }
}
