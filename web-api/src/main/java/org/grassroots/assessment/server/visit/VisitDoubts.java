package org.grassroots.assessment.server.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.server.evaluation.VisitPlanning;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.springframework.stereotype.Component;

/**
 * Which visits are in doubt (位置或时间存疑, the rule set's PL-04) as of today, with the rules'
 * reasons: for one visit (its page and {@code GET /api/visits/{id}}) and for a list of visits (the
 * office's visit list and {@code GET /api/visits}), planning only the organizations they belong to.
 * A visit in doubt still counts; the flag is for the office to decide.
 */
@Component
public class VisitDoubts {

    /** Beyond this many organizations a list plans the whole district instead of naming each. */
    private static final int NAMED_ORGANIZATIONS = 500;

    private final VisitPlanning planning;
    private final Clock clock;

    VisitDoubts(VisitPlanning planning, Clock clock) {
        this.planning = planning;
        this.clock = clock;
    }

    /** The reasons the visit is in doubt; empty when it is not. */
    public List<String> of(Visit visit) {
        return planning.doubts(today(visit), OrgScope.organization(visit.orgCode()))
                .getOrDefault(visit.visitId(), List.of());
    }

    /** Visit id → the reasons, for those of the visits that are in doubt. */
    public Map<String, List<String>> of(Collection<Visit> visits) {
        if (visits.isEmpty()) {
            return Map.of();
        }
        TreeSet<String> orgs = new TreeSet<>();
        LocalDate day = LocalDate.now(clock);
        for (Visit v : visits) {
            orgs.add(v.orgCode());
            day = v.date().isAfter(day) ? v.date() : day;
        }
        return planning.doubts(day, orgs.size() > NAMED_ORGANIZATIONS ? OrgScope.all() : OrgScope.organizations(orgs));
    }

    /** Today, or the visit's date should the clock be behind it: the visit is always in the planning. */
    private LocalDate today(Visit visit) {
        LocalDate today = LocalDate.now(clock);
        return visit.date().isAfter(today) ? visit.date() : today;
    }
}
