package org.grassroots.assessment.server.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.server.evaluation.VisitPlanning;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.grassroots.assessment.server.security.OrganizationTree;
import org.grassroots.assessment.server.web.DateBounds;
import org.springframework.stereotype.Service;

/**
 * The due list (督查计划: the organizations due an inspection visit, issue 16) for the district or one
 * organization with or without its subordinates, as of a day (default today).
 */
@Service
public class DueVisits {

    /** The list and the day it is for. */
    public record DueList(LocalDate asOf, String orgCode, boolean subtree, int total, List<VisitPlanning.Due> visits) {
    }

    private final VisitPlanning planning;
    private final OrganizationService organizations;
    private final OrganizationTree tree;
    private final Clock clock;

    DueVisits(VisitPlanning planning, OrganizationService organizations, OrganizationTree tree, Clock clock) {
        this.planning = planning;
        this.organizations = organizations;
        this.tree = tree;
        this.clock = clock;
    }

    /** 404 for an unknown organization; 400 for a day outside the supported years. */
    public DueList of(LocalDate asOf, String orgCode, boolean subtree) {
        DateBounds.check("/asOf", asOf);
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        OrgScope scope = OrgScope.all();
        String code = orgCode == null || orgCode.isBlank() ? null : orgCode.strip();
        if (code != null) {
            organizations.get(code);
            scope = subtree ? OrgScope.organizations(tree.codes(code, true)) : OrgScope.organization(code);
        }
        List<VisitPlanning.Due> due = planning.due(day, scope);
        return new DueList(day, code, code != null && subtree, due.size(), due);
    }
}
