package org.grassroots.assessment.server.planning;

import java.util.Optional;
import org.grassroots.assessment.server.security.Role;
import org.grassroots.assessment.server.security.SignedInUser;

/**
 * Who is looking at the plans: a lead (督查组长) sees every plan and every visit; another inspector
 * sees the visits of his own team only; nobody else sees that plans exist (their requests get 404,
 * the answer for a plan that does not exist).
 */
record PlanViewer(String username, boolean lead, String team) {

    static Optional<PlanViewer> of(SignedInUser user, InspectorProfiles profiles) {
        if (user == null || user.role() != Role.INSPECTOR) {
            return Optional.empty();
        }
        return Optional.of(profiles.findById(user.username())
                .map(p -> new PlanViewer(user.username(), p.isLead(), p.getTeam()))
                .orElseGet(() -> new PlanViewer(user.username(), false, null)));
    }

    boolean sees(PlannedVisit visit) {
        return lead || (team != null && team.equals(visit.getTeam()));
    }

    boolean sees(InspectionPlan plan) {
        return lead || plan.getVisits().stream().anyMatch(this::sees);
    }
}
