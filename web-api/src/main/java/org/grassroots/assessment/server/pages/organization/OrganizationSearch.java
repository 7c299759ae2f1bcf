package org.grassroots.assessment.server.pages.organization;

import java.util.List;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding an organization by name or code. The page works without scripts (a GET form); htmx
 * replaces only the result list while typing. {@code to} says where a result links: its page, or
 * the inspection team's new visit form.
 */
@Controller
public class OrganizationSearch {

    static final int LIMIT = 30;

    private final OrganizationService organizations;

    OrganizationSearch(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/org")
    String page(@RequestParam(defaultValue = "") String q, Model model) {
        results(q, "page", model);
        return "organization/search";
    }

    /** Fills the model with the organizations found; {@code to=visit} links them to the new visit form. */
    @GetMapping("/org/search")
    public String results(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "page") String to,
            Model model) {
        String text = q.strip();
        List<Organization> found = text.isEmpty() ? List.of() : organizations.search(text, LIMIT);
        model.addAttribute("q", text);
        model.addAttribute("found", found);
        model.addAttribute("toVisit", "visit".equals(to));
        return "organization/search :: results";
    }
}
