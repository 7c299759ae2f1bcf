package org.grassroots.assessment.server.pages.organization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.security.AccessScope;
import org.grassroots.assessment.server.security.Visibility;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization tree (组织架构), one level at a time: the organizations directly under a node, each
 * with how many it has under it, and the path from the top. Staff start at the district's top level;
 * a representative starts at its own organization and may go down its subtree only (a township's
 * representative lists and opens its villages); a node outside it is a 404.
 */
@Controller
class OrganizationTreePage {

    private final OrganizationService organizations;
    private final AccessScope scope;

    OrganizationTreePage(OrganizationService organizations, AccessScope scope) {
        this.organizations = organizations;
        this.scope = scope;
    }

    /** A child in the list: the organization and how many organizations are directly under it. */
    public record Node(Organization organization, long children) {
    }

    @GetMapping("/org/tree")
    String tree(@RequestParam(required = false) String parent, Model model) {
        Visibility visibility = scope.current();
        String node = parent == null || parent.isBlank() ? visibility.root() : parent.strip();
        if (node != null) {
            scope.require(node);
        }
        List<Organization> children = organizations.children(node);
        Map<String, Long> counts = organizations.childCounts(children.stream().map(Organization::code).toList());
        model.addAttribute("node", node == null ? null : organizations.get(node));
        model.addAttribute("path", path(node, visibility));
        model.addAttribute("children", children.stream()
                .map(o -> new Node(o, counts.getOrDefault(o.code(), 0L))).toList());
        return "organization/tree";
    }

    /** The organizations above {@code code}, from the top (or the representative's own) down; excludes the node. */
    private List<Organization> path(String code, Visibility visibility) {
        List<Organization> path = new ArrayList<>();
        if (code == null || code.equals(visibility.root())) {
            return path;
        }
        String parent = organizations.get(code).parentCode();
        while (parent != null && visibility.sees(parent)) {
            Organization above = organizations.get(parent);
            path.add(above);
            if (parent.equals(visibility.root())) {
                break;
            }
            parent = above.parentCode();
        }
        Collections.reverse(path);
        return path;
    }
}
