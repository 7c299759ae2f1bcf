package org.grassroots.assessment.server.planning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.security.Role;
import org.grassroots.assessment.server.security.UserService;
import org.grassroots.assessment.server.security.UserView;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inspection teams: administrators place each inspector in a team, with a home organization and the lead flag. */
@Service
public class InspectorTeams {

    /** An inspector's place, as set by an administrator. */
    public record Placement(String team, String homeOrgCode, boolean lead) {
    }

    /** An inspector and his place (team null: not in a team yet). */
    public record Inspector(String username, String displayName, String team, String homeOrgCode, String homeOrgName,
            boolean lead) {
    }

    private final InspectorProfiles profiles;
    private final UserService users;
    private final OrganizationService organizations;
    private final AuditTrail audit;
    private final Clock clock;

    InspectorTeams(InspectorProfiles profiles, UserService users, OrganizationService organizations, AuditTrail audit,
            Clock clock) {
        this.profiles = profiles;
        this.users = users;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every inspector, in a team or not, by team and name. */
    @Transactional(readOnly = true)
    public List<Inspector> all() {
        List<InspectorProfile> placed = profiles.findAll();
        Map<String, String> homes = organizations.names(placed.stream().map(InspectorProfile::getHomeOrgCode)
                .filter(java.util.Objects::nonNull).toList());
        List<Inspector> list = new ArrayList<>();
        for (UserView user : users.all()) {
            if (user.role() != Role.INSPECTOR) {
                continue;
            }
            InspectorProfile p = placed.stream().filter(x -> x.getUsername().equals(user.username())).findFirst().orElse(null);
            list.add(p == null ? new Inspector(user.username(), user.displayName(), null, null, null, false)
                    : new Inspector(user.username(), user.displayName(), p.getTeam(), p.getHomeOrgCode(),
                    p.getHomeOrgCode() == null ? null : homes.get(p.getHomeOrgCode()), p.isLead()));
        }
        list.sort(java.util.Comparator.comparing((Inspector i) -> i.team() == null ? "\uffff" : i.team())
                .thenComparing(Inspector::username));
        return list;
    }

    /** Places an inspector (404 for an unknown user; 400 for a user who is no inspector, no team, an unknown organization). */
    @Transactional
    public Inspector place(String username, Placement placement, String actor) {
        UserView user = users.get(username);
        List<Problem> problems = new ArrayList<>();
        if (user.role() != Role.INSPECTOR) {
            problems.add(new Problem("", "只有督查组成员（INSPECTOR）可以编入督查组"));
        }
        String team = placement.team() == null ? "" : placement.team().strip();
        if (team.isEmpty() || team.length() > 100) {
            problems.add(new Problem("/team", "督查组名称须为 1 至 100 个字"));
        }
        String home = placement.homeOrgCode() == null || placement.homeOrgCode().isBlank() ? null
                : placement.homeOrgCode().strip();
        if (home != null && !organizations.exists(home)) {
            problems.add(new Problem("/homeOrgCode", "组织不存在：" + home));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("督查组设置有误", problems);
        }
        InspectorProfile profile = profiles.findById(username).orElse(null);
        boolean created = profile == null;
        if (created) {
            profile = new InspectorProfile(username);
        }
        profile.set(team, home, placement.lead(), actor, clock.instant());
        if (created) {
            profiles.save(profile);
        }
        audit.record(AuditAction.INSPECTOR_PROFILE_SET, "inspector:" + username, "编入督查组：" + username + " → " + team
                + (placement.lead() ? "（组长）" : "") + (home == null ? "" : "，所属组织 " + home), placement);
        return new Inspector(username, user.displayName(), team, home,
                home == null ? null : organizations.names(List.of(home)).get(home), placement.lead());
    }
}
