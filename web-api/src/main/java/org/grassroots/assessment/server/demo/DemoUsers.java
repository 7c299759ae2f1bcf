package org.grassroots.assessment.server.demo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.server.planning.InspectorTeams;
import org.grassroots.assessment.server.security.Role;
import org.grassroots.assessment.server.security.UserService;
import org.grassroots.assessment.server.security.UserService.UserRequest;
import org.springframework.stereotype.Component;

/**
 * One user per role for trying the demo district, added only together with it (README lists them).
 * They all share one well-known password: a database holding real data never gets them.
 */
@Component
class DemoUsers {

    static final String PASSWORD = "demo2026";

    static final List<UserRequest> USERS = List.of(
            new UserRequest("inspector", PASSWORD, "督查一组 李明", Role.INSPECTOR, null, true, null),
            new UserRequest("inspector2", PASSWORD, "督查二组 陈刚", Role.INSPECTOR, null, true, null),
            new UserRequest("inspector3", PASSWORD, "督查三组 赵敏", Role.INSPECTOR, null, true, null),
            new UserRequest("evaluator", PASSWORD, "考核办 王芳", Role.EVALUATOR, null, true, null),
            new UserRequest("maintainer", PASSWORD, "规则维护 张强", Role.RULE_MAINTAINER, null, true, null),
            new UserRequest("donggang", PASSWORD, "东岗村党支部 联络员", Role.ORG_REP, "Z01-V04", true, null),
            new UserRequest("liuhe", PASSWORD, "柳河镇党委 联络员", Role.ORG_REP, "XQ-Z01", true, null));

    /**
     * The demo's inspection teams (issue 16): 李明 leads the planning; each inspector belongs to a
     * township, which his team is kept away from (回避).
     */
    static final Map<String, InspectorTeams.Placement> TEAMS = Map.of(
            "inspector", new InspectorTeams.Placement("督查一组", "XQ-Z03", true),
            "inspector2", new InspectorTeams.Placement("督查二组", "XQ-Z01", false),
            "inspector3", new InspectorTeams.Placement("督查三组", "XQ-Z02", false));

    private final UserService users;
    private final InspectorTeams teams;

    DemoUsers(UserService users, InspectorTeams teams) {
        this.users = users;
        this.teams = teams;
    }

    void add() {
        // one bcrypt hash of the published demo password for all of them: on the start's path (the demo
        // district is ready only after its users), where a hash per user cost ~0.5 s of CPU
        users.createSharingOnePublicPassword(USERS, DemoDistrictLoader.ACTOR);
        new TreeMap<>(TEAMS).forEach((username, placement) -> teams.place(username, placement, DemoDistrictLoader.ACTOR));
    }
}
